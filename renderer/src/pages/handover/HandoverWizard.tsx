import { Box, Card, CardContent, Step, StepLabel, Stepper } from '@mui/material';
import { useT } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { HandoverResult } from './HandoverResult.js';
import { LeavingStep } from './LeavingStep.js';
import { PlanStage } from './PlanStage.js';
import { ReceiversStep } from './ReceiversStep.js';
import { WizardNav } from './WizardNav.js';
import { HANDOVER_STEPS, nextStep, previousStep, stepIndex } from './handover-draft.js';
import type { HandoverStep } from './handover-draft.js';
import type { HandoverWizard as Wizard } from './useHandoverWizard.js';

const stepKey = (s: (typeof HANDOVER_STEPS)[number]): MessageKey => `handover.step.${s}`;

/** 移交向导: leaver and date → receivers and options → preview → confirm; then the result with its sheet. */
export function HandoverWizard(props: { wizard: Wizard; unitNames: ReadonlyMap<number, string> }) {
  const t = useT();
  const { wizard } = props;
  const { step } = wizard.state;
  const active = stepIndex(step);
  return (
    <Card data-testid="handover-wizard" data-step={step}>
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 3 }}>
        <Stepper activeStep={active} data-testid="handover-stepper">
          {HANDOVER_STEPS.map((s, i) => (
            <Step key={s} completed={i < active}>
              <StepLabel>{t(stepKey(s))}</StepLabel>
            </Step>
          ))}
        </Stepper>
        <StepBody wizard={wizard} step={step} unitNames={props.unitNames} />
      </CardContent>
    </Card>
  );
}

function StepBody(props: { wizard: Wizard; step: HandoverStep; unitNames: ReadonlyMap<number, string> }) {
  const { wizard, step, unitNames } = props;
  const go = (to: HandoverStep) => () => wizard.dispatch({ type: 'go', step: to });
  switch (step) {
    case 'leaving':
    case 'receivers':
      return (
        <>
          <Box data-testid={`handover-step-${step}`} sx={{ minHeight: 120 }}>
            {step === 'leaving' ? <LeavingStep wizard={wizard} unitNames={unitNames} /> : <ReceiversStep wizard={wizard} unitNames={unitNames} />}
          </Box>
          <WizardNav
            {...(step === 'leaving' ? {} : { onBack: go(previousStep(step)) })}
            onNext={go(nextStep(step))}
            canNext={wizard.blocker === null && wizard.roster.state === 'ready'}
            blocker={wizard.blocker}
          />
        </>
      );
    case 'preview':
    case 'apply':
      // Both steps read the same plan: going on to confirm does not plan again, going back edits the request.
      return wizard.request === null ? null : <PlanStage wizard={wizard} request={wizard.request} step={step} />;
    case 'done':
      return wizard.applied === null ? null : <HandoverResult applied={wizard.applied} onRestart={wizard.restart} />;
  }
}
