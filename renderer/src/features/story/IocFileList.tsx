import { useEngineCall } from '../../client/use-engine-call';
import { displayValue } from '../../lib/reveal-invisibles';
import { useT } from '../../i18n';
import './strings';

/** The indicator files this case keeps and every run matches against, with their SHA-256. */
export function IocFileList({ refresh }: { refresh: number }) {
  const t = useT();
  const { value, error } = useEngineCall('detect.iocFiles', {}, refresh);
  if (error) return <p className="error-text">{error}</p>;
  if (!value || value.length === 0) return <p className="muted" data-testid="ioc-files-empty">{t('story.noIocFiles')}</p>;
  return (
    <ul className="plain-list ioc-files" data-testid="ioc-files">
      {value.map((f) => (
        <li key={f.id} data-testid="ioc-file" className={f.stored ? undefined : 'error-text'}>
          {displayValue(f.name)} <span className="muted">{t('story.iocFileFacts', { size: f.size, examiner: displayValue(f.examiner), time: f.added_at })}</span>{' '}
          <code className="hash" title="SHA-256">
            {f.sha256}
          </code>
          {!f.stored && t('story.iocNotStored')}
        </li>
      ))}
    </ul>
  );
}
