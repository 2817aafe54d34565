import { useTranslation } from 'react-i18next';
import type { StoredItem } from '../../db/schema';
import { formatDateTime } from '../../ui/formatTime';
import { sanitizeForDisplay } from './sanitizeForDisplay';

export function ReaderPane({ item }: { item: StoredItem | undefined }) {
  const { t, i18n } = useTranslation();
  if (!item) return <p className="empty-note">{t('reader.empty')}</p>;
  const body = item.contentHtml ? sanitizeForDisplay(item.contentHtml) : '';
  const safeUrl = item.url && /^https?:\/\//i.test(item.url) ? item.url : null;
  return (
    <article className="reader" aria-label={t('reader.region')} data-testid="reader">
      <h1 className="reader-title">{item.title}</h1>
      <p className="reader-meta">
        <span className="item-outlet">{item.feedTitle}</span>
        {item.author ? <span> · {t('reader.author', { author: item.author })}</span> : null}
        <span> · </span>
        <time dateTime={item.publishedAt}>{formatDateTime(item.publishedAt, i18n.language)}</time>
      </p>
      {safeUrl ? (
        <p>
          <a href={safeUrl} target="_blank" rel="noopener noreferrer">
            {t('reader.openOriginal')}
          </a>
        </p>
      ) : null}
      {body ? (
        <div className="reader-body" data-testid="reader-body" dangerouslySetInnerHTML={{ __html: body }} />
      ) : (
        <div className="reader-body" data-testid="reader-body">
          {item.text.split('\n').map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
        </div>
      )}
    </article>
  );
}
