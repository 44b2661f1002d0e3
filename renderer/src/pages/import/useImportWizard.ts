import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { ApiError } from '../../../../shared/api/errors.js';
import type { ImportBatchInfo, ImportPlan } from '../../../../shared/api/ops/import.js';
import type { ImportKind } from '../../../../shared/import/kinds.js';
import { useApi } from '../../api/ApiProvider.js';
import { thrownToError } from '../../api/query-state.js';
import { useLongJob } from './useLongJob.js';
import type { LongJob } from './useLongJob.js';
import { commitInput, inspectInput, planInput, planKey } from './wizard-inputs.js';
import { INITIAL_WIZARD, effectiveKind, nextBlocker, nextStep, previousStep, wizardReducer } from './wizard-state.js';
import type { Blocker, WizardAction, WizardState } from './wizard-state.js';

export type FileStatus = 'idle' | 'uploading' | 'inspecting' | 'ready' | 'failed';

export interface ImportWizard {
  state: WizardState;
  kind: ImportKind | null;
  dispatch: (action: WizardAction) => void;
  fileStatus: FileStatus;
  fileError: ApiError | null;
  chooseFile: (file: File) => void;
  retryInspect: () => void;
  blocker: Blocker | null;
  next: () => void;
  back: () => void;
  plan: LongJob<ImportPlan>;
  /** True when the plan on screen belongs to the current file, kind and mapping. */
  planCurrent: boolean;
  retryPlan: () => void;
  commit: LongJob<ImportBatchInfo>;
  startCommit: () => void;
  startOver: () => void;
}

/**
 * The wizard's state and its calls. Steps only read and dispatch; every request the wizard makes
 * starts here, so a superseded upload or inspection can be dropped in one place.
 */
export function useImportWizard(onCommitted: () => void): ImportWizard {
  const api = useApi();
  const [state, dispatch] = useReducer(wizardReducer, INITIAL_WIZARD);
  const [fileStatus, setFileStatus] = useState<FileStatus>('idle');
  const [fileError, setFileError] = useState<ApiError | null>(null);
  const [inspectGeneration, setInspectGeneration] = useState(0);
  const uploadController = useRef<AbortController | null>(null);
  const plan = useLongJob<ImportPlan>();
  const commit = useLongJob<ImportBatchInfo>();

  const chooseFile = useCallback(
    (file: File) => {
      uploadController.current?.abort();
      const controller = new AbortController();
      uploadController.current = controller;
      dispatch({ type: 'fileChosen', name: file.name, size: file.size });
      setFileStatus('uploading');
      setFileError(null);
      api.upload(file.name, file).then(
        (result) => {
          if (controller.signal.aborted) return;
          if (result.ok) dispatch({ type: 'uploaded', uploadId: result.value.uploadId });
          else {
            setFileStatus('failed');
            setFileError(result.error);
          }
        },
        (e: unknown) => {
          if (controller.signal.aborted) return;
          setFileStatus('failed');
          setFileError(thrownToError(e));
        },
      );
    },
    [api],
  );

  // Inspect whenever there is an upload and no inspection for the current kind and read options.
  const inspect = state.inspection === null ? inspectInput(state) : null;
  const inspectKey = inspect === null ? null : JSON.stringify(inspect);
  useEffect(() => {
    if (inspectKey === null) return;
    const controller = new AbortController();
    setFileStatus('inspecting');
    setFileError(null);
    const input = JSON.parse(inspectKey) as NonNullable<ReturnType<typeof inspectInput>>;
    api.call('import.inspect', input, { signal: controller.signal }).then(
      (result) => {
        if (controller.signal.aborted) return;
        if (result.ok) {
          dispatch({ type: 'inspected', inspection: result.value });
          setFileStatus('ready');
        } else {
          setFileStatus('failed');
          setFileError(result.error);
        }
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setFileStatus('failed');
        setFileError(thrownToError(e));
      },
    );
    return () => controller.abort();
  }, [api, inspectKey, inspectGeneration]);

  const { start: startPlanJob, cancel: cancelPlan, reset: resetPlan } = plan;
  const { start: startCommitJob, reset: resetCommit } = commit;
  const currentPlanKey = planKey(state);
  const planCurrent = plan.key !== null && plan.key === currentPlanKey;
  const startPlan = useCallback(() => {
    const input = planInput(state);
    if (input === null || currentPlanKey === null) return;
    startPlanJob(currentPlanKey, (signal, onProgress) => api.call('import.plan', input, { signal, onProgress }));
  }, [api, startPlanJob, state, currentPlanKey]);

  // The plan step plans on arrival, and again only when what it plans (file, kind, mapping) changed;
  // a failed plan waits for the user's retry rather than hammering the server.
  const planStatus = plan.state.status;
  const planSettled = planCurrent && (planStatus === 'done' || planStatus === 'failed');
  useEffect(() => {
    if (state.step === 'plan' && planStatus !== 'running' && !planSettled) startPlan();
  }, [state.step, planStatus, planSettled, startPlan]);

  // Leaving the page abandons a plan (it changes nothing); a commit is left to finish, and shows in the history.
  useEffect(() => cancelPlan, [cancelPlan]);

  const committed = commit.state.status === 'done' ? commit.state.value : null;
  useEffect(() => {
    if (committed !== null) onCommitted();
  }, [committed, onCommitted]);

  const startCommit = useCallback(() => {
    const input = commitInput(state);
    if (input === null) return;
    resetCommit();
    dispatch({ type: 'goTo', step: 'run' });
    startCommitJob(JSON.stringify(input), (signal, onProgress) => api.call('import.commit', input, { signal, onProgress }));
  }, [api, startCommitJob, resetCommit, state]);

  const next = useCallback(() => {
    const to = nextStep(state.step);
    if (to !== null) dispatch({ type: 'goTo', step: to });
  }, [state.step]);

  const back = useCallback(() => {
    const to = previousStep(state.step);
    if (to === null) return;
    if (state.step === 'plan') cancelPlan();
    // Back from a failed or cancelled run forgets it, so the plan step is the user's again.
    if (state.step === 'run') resetCommit();
    dispatch({ type: 'goTo', step: to });
  }, [state.step, cancelPlan, resetCommit]);

  const startOver = useCallback(() => {
    uploadController.current?.abort();
    cancelPlan();
    resetPlan();
    resetCommit();
    setFileStatus('idle');
    setFileError(null);
    dispatch({ type: 'reset' });
  }, [cancelPlan, resetPlan, resetCommit]);

  return {
    state,
    kind: effectiveKind(state),
    dispatch,
    fileStatus,
    fileError,
    chooseFile,
    retryInspect: () => setInspectGeneration((g) => g + 1),
    blocker: nextBlocker(state),
    next,
    back,
    plan,
    planCurrent,
    retryPlan: startPlan,
    commit,
    startCommit,
    startOver,
  };
}
