import { INCIDENT_PHASES, type IncidentState } from '../../../../electron/common/incident';
import { useT } from '../../i18n';
import type { IncidentActions } from './IncidentDialog';

/** The per-phase checklist; a tick records who and when (custody). */
export function IncidentTasks({ state, actions }: { state: IncidentState; actions: IncidentActions }) {
  const t = useT();
  return (
    <section className="incident-section" aria-labelledby="incident-tasks-title">
      <h3 id="incident-tasks-title">{t('incident.tasks')}</h3>
      {INCIDENT_PHASES.filter((p) => state.tasks.some((x) => x.phase === p)).map((p) => (
        <fieldset key={p} className="incident-task-phase">
          <legend>{t(`incident.phase.${p}`)}</legend>
          {state.tasks
            .filter((x) => x.phase === p)
            .map((task) => (
              <label key={task.id} className="incident-task" data-testid="incident-task" data-task={task.id} data-done={task.done}>
                <input
                  type="checkbox"
                  checked={task.done}
                  disabled={actions.readOnly || actions.busy}
                  onChange={(e) => void actions.run('incident.setTask', { taskId: task.id, done: e.target.checked })}
                />
                <span>{task.text}</span>
                {task.done && task.by && <span className="muted incident-task-by">{t('incident.taskDoneBy', { by: task.by, at: task.at ?? '' })}</span>}
              </label>
            ))}
        </fieldset>
      ))}
    </section>
  );
}
