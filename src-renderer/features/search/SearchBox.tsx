import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QUERY_SYNTAX_HELP } from '../../../src-shared/query';

export function SearchBox({ value, onChange, onFocus, error }: { value: string; onChange: (value: string) => void; onFocus?: () => void; error: string | null }) {
  const { t } = useTranslation();
  const [helpOpen, setHelpOpen] = useState(false);
  return (
    <div className="search-box">
      <label className="visually-hidden" htmlFor="search-input">
        {t('search.label')}
      </label>
      <input id="search-input" type="search" value={value} placeholder={t('search.placeholder')} onChange={(e) => onChange(e.target.value)} onFocus={onFocus} aria-invalid={error !== null} aria-describedby={error ? 'search-error' : undefined} />
      <button type="button" className="help-button" aria-expanded={helpOpen} onClick={() => setHelpOpen(!helpOpen)}>
        {t('search.help')}
      </button>
      {error ? (
        <p id="search-error" role="alert" className="search-error">
          {t('search.error', { message: error })}
        </p>
      ) : null}
      {helpOpen ? (
        <table className="query-help" data-testid="query-help">
          <tbody>
            {QUERY_SYNTAX_HELP.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <code>{entry.syntax}</code>
                </td>
                <td>
                  <code>{entry.example}</code>
                </td>
                <td>{entry.meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
