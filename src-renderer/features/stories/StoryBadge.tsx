// A story's size: how many items, in how many outlets, and (in the list) when the latest came.
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/formatTime';
import './stories.css';

export function StoryBadge({ size, outlets, latestPublishedAt }: { size: number; outlets: number; latestPublishedAt?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <span className="story-badge" data-testid="story-badge" data-story-size={size}>
      <span className="story-size">
        {t('items.count', { count: size })} · {t('stories.outlets', { count: outlets })}
      </span>
      {latestPublishedAt ? <span className="story-latest">{t('stories.latest', { time: formatDateTime(latestPublishedAt, i18n.language) })}</span> : null}
    </span>
  );
}
