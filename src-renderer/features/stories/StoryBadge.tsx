// A story row's size in the list: how many items, in how many outlets, and when the latest came.
import { useTranslation } from 'react-i18next';
import type { Story } from '../../db/schema';
import { formatDateTime } from '../../ui/formatTime';
import './stories.css';

export function StoryBadge({ story }: { story: Story }) {
  const { t, i18n } = useTranslation();
  return (
    <span className="story-badge" data-testid="story-badge" data-story-size={story.size}>
      <span className="story-size">
        {t('items.count', { count: story.size })} · {t('stories.outlets', { count: story.sourceIds.length })}
      </span>
      <span className="story-latest">{t('stories.latest', { time: formatDateTime(story.latestPublishedAt, i18n.language) })}</span>
    </span>
  );
}
