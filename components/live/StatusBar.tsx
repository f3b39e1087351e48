'use client';
/** Status line of the bench: a progress bar while busy, then finished, cancelled or the error. */
import { isBusy, type Activity, type LiveState } from './liveState';
import styles from './live.module.css';

/** What the progress numbers count in each busy activity, as the worker reports them. */
const PROGRESS_UNITS: Record<Activity, string> = {
  selecting: 'backends tried',
  calibrating: 'calibration steps',
  running: 'timed decoder steps',
  idle: '',
  cancelled: '',
  failed: '',
  finished: '',
};

export function StatusBar({ state }: { state: LiveState }) {
  const { activity, progress, task, error } = state;
  const busy = isBusy(activity);
  return (
    <div className={styles.status} role="status" aria-live="polite" data-testid="status" data-activity={activity}>
      {busy && (
        <>
          <span>{task}…</span>
          {progress && progress.total > 0 ? (
            <>
              <progress max={progress.total} value={progress.done} aria-label={`${task}: ${progress.label}`} />
              <span className={styles.note}>
                {progress.label}: {PROGRESS_UNITS[activity]} {progress.done} of {progress.total}
              </span>
            </>
          ) : (
            <progress aria-label={task} />
          )}
        </>
      )}
      {activity === 'cancelled' && <span className={styles.statusCancelled}>Cancelled. The worker was stopped and a fresh one will start on the next run.</span>}
      {activity === 'failed' && <span className={styles.statusFailed}>Failed: {error}</span>}
      {activity === 'finished' && <span>Done.</span>}
      {activity === 'idle' && <span className={styles.note}>Idle.</span>}
    </div>
  );
}
