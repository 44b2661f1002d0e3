import { Alert, Box, Button, Card, CardContent, Stack, Step, StepLabel, Stepper, Typography } from '@mui/material';
import { useT } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { FileStep } from './FileStep.js';
import { MappingStep } from './MappingStep.js';
import { PlanStep } from './PlanStep.js';
import { PreviewStep } from './PreviewStep.js';
import { RunStep } from './RunStep.js';
import { stepKey } from './labels.js';
import { useImportWizard } from './useImportWizard.js';
import type { ImportWizard as Wizard } from './useImportWizard.js';
import { previewInput } from './wizard-inputs.js';
import { WIZARD_STEPS, stepIndex } from './wizard-state.js';
import type { Blocker } from './wizard-state.js';

const blockerKey = (blocker: Exclude<Blocker, 'lastStep'>): MessageKey => `import.blocker.${blocker}`;

/** The five steps of an import, one card; the history beside it refreshes after each commit. */
export function ImportWizard(props: { onCommitted: () => void }) {
  const t = useT();
  const wizard = useImportWizard(props.onCommitted);
  const { step } = wizard.state;
  const active = stepIndex(step);
  return (
    <Card data-testid="import-wizard" data-step={step}>
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 3 }}>
        <Stepper activeStep={active} data-testid="import-stepper">
          {WIZARD_STEPS.map((s, i) => (
            <Step key={s} completed={i < active} data-testid={`import-stepper-${s}`}>
              <StepLabel>{t(stepKey(s))}</StepLabel>
            </Step>
          ))}
        </Stepper>
        <Box data-testid={`import-step-${step}`} sx={{ minHeight: 120 }}>
          <StepBody wizard={wizard} />
        </Box>
        <Navigation wizard={wizard} />
      </CardContent>
    </Card>
  );
}

function StepBody(props: { wizard: Wizard }) {
  const { wizard } = props;
  const { kind } = wizard;
  switch (wizard.state.step) {
    case 'file':
      return <FileStep wizard={wizard} />;
    case 'mapping':
      return kind === null ? null : <MappingStep wizard={wizard} kind={kind} />;
    case 'preview': {
      const input = previewInput(wizard.state);
      return input === null || kind === null ? null : <PreviewStep input={input} kind={kind} />;
    }
    case 'plan':
      return <PlanStep wizard={wizard} />;
    case 'run':
      return <RunStep wizard={wizard} />;
  }
}

function Navigation(props: { wizard: Wizard }) {
  const t = useT();
  const { state, blocker, next, back, plan, planCurrent, commit, startCommit, startOver } = props.wizard;
  const { step } = state;
  const commitStatus = commit.state.status;
  const canBack = step !== 'file' && !(step === 'run' && (commitStatus === 'running' || commitStatus === 'done'));
  const planReady = planCurrent && plan.state.status === 'done';
  // "Inspecting" is a moment, not something to explain; the other blockers tell the user what to do.
  const why = blocker === null || blocker === 'lastStep' || blocker === 'inspecting' ? null : t(blockerKey(blocker));
  return (
    <Stack direction="row" sx={{ gap: 2, alignItems: 'center', borderTop: 1, borderColor: 'divider', pt: 2 }}>
      <Button disabled={!canBack} onClick={back} data-testid="import-back">
        {t('import.nav.back')}
      </Button>
      <Box sx={{ flexGrow: 1 }}>
        {why !== null && step !== 'file' && (
          <Alert severity="warning" sx={{ py: 0 }} data-testid="import-blocked">
            {why}
          </Alert>
        )}
        {why !== null && step === 'file' && state.file !== null && (
          <Typography variant="body2" sx={{ color: 'text.secondary' }} data-testid="import-blocked">
            {why}
          </Typography>
        )}
      </Box>
      {step === 'plan' && (
        <Button variant="contained" disabled={!planReady} onClick={startCommit} data-testid="import-start">
          {t(state.onError === 'skip' ? 'import.nav.startSkip' : 'import.nav.start')}
        </Button>
      )}
      {step === 'run' && commitStatus !== 'running' && (
        <Button variant={commitStatus === 'done' ? 'contained' : 'outlined'} onClick={startOver} data-testid="import-new">
          {t('import.nav.new')}
        </Button>
      )}
      {step !== 'plan' && step !== 'run' && (
        <Button variant="contained" disabled={blocker !== null} onClick={next} data-testid="import-next">
          {t('import.nav.next')}
        </Button>
      )}
    </Stack>
  );
}
