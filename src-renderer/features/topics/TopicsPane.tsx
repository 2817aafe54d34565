// Saved queries: new items that match get the topic's tag as they are stored, and "apply"
// re-runs a topic over everything already stored, with progress.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseQuery } from '../../../src-shared/query';
import type { PressWatchDb, Tag, Topic } from '../../db/schema';
import { ensureTag } from '../tags/tagActions';
import { applyTopicToStored } from './topicActions';

interface TopicsPaneProps {
  db: PressWatchDb;
  topics: Topic[];
  tags: Tag[];
  onShow: (query: string) => void;
  onMessage: (text: string) => void;
}

export function TopicsPane({ db, topics, tags, onShow, onMessage }: TopicsPaneProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [progress, setProgress] = useState<Record<string, string>>({});

  const apply = async (topic: Topic) => {
    const result = await applyTopicToStored(db, topic, ({ done, total }) => setProgress((p) => ({ ...p, [topic.id]: t('topics.applying', { done, total }) })));
    setProgress((p) => ({ ...p, [topic.id]: '' }));
    onMessage(t('topics.applied', { name: topic.name, matched: result.matched, tagged: result.newlyTagged }));
  };

  return (
    <section className="sidebar-section" aria-labelledby="topics-heading">
      <h2 id="topics-heading">{t('topics.heading')}</h2>
      {topics.length === 0 ? <p className="muted small">{t('topics.none')}</p> : null}
      <ul className="plain-list">
        {topics.map((topic) => (
          <li key={topic.id} data-testid="topic-row" className="topic-row">
            <button type="button" className="link-like" onClick={() => onShow(topic.query)}>
              {topic.name}
            </button>
            <button type="button" className="link-button" onClick={() => void apply(topic)}>
              {t('topics.apply')}
            </button>
            {progress[topic.id] ? (
              <span role="status" className="small muted">
                {progress[topic.id]}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {editing ? (
        <TopicEditor db={db} tags={tags} onClose={() => setEditing(false)} />
      ) : (
        <button type="button" className="link-button" onClick={() => setEditing(true)}>
          + {t('topics.new')}
        </button>
      )}
    </section>
  );
}

function TopicEditor({ db, tags, onClose }: { db: PressWatchDb; tags: Tag[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [query, setQuery] = useState('');
  const [tagName, setTagName] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [alert, setAlert] = useState(true);
  const parsed = query.trim() ? parseQuery(query) : null;
  const error = parsed && !parsed.ok ? parsed.error.message : null;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!parsed || !parsed.ok || !name.trim()) return;
    const tag = tagName.trim() ? await ensureTag(db, tagName) : null;
    await db.topics.add({ id: `topic-${crypto.randomUUID()}`, name: name.trim(), query, tagId: tag?.id ?? null, from: from || null, to: to || null, alert, createdAt: new Date().toISOString() });
    onClose();
  };

  return (
    <form className="topic-editor" onSubmit={save} aria-label={t('topics.new')}>
      <label>
        {t('topics.name')}
        <input value={name} required onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('topics.query')}
        <input value={query} required onChange={(e) => setQuery(e.target.value)} aria-invalid={error !== null} />
      </label>
      {error ? (
        <p role="alert" className="error-text small">
          {error}
        </p>
      ) : null}
      <label>
        {t('topics.tag')}
        <input value={tagName} list="topic-tag-list" onChange={(e) => setTagName(e.target.value)} />
        <datalist id="topic-tag-list">
          {tags.map((tag) => (
            <option key={tag.id} value={tag.name} />
          ))}
        </datalist>
      </label>
      <div className="row">
        <label>
          {t('topics.from')}
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t('topics.to')}
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </div>
      <label className="inline">
        <input type="checkbox" checked={alert} onChange={(e) => setAlert(e.target.checked)} /> {t('topics.alert')}
      </label>
      <div className="dialog-buttons">
        <button type="submit" disabled={!parsed?.ok || !name.trim()}>
          {t('topics.save')}
        </button>
        <button type="button" onClick={onClose}>
          {t('topics.cancel')}
        </button>
      </div>
    </form>
  );
}
