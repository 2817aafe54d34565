// Type a tag's name: an existing tag is reused, a new one is created with its own colour.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tag } from '../../db/schema';

export function TagInput({ tags, onApply, inputId, autoFocus = false }: { tags: Tag[]; onApply: (name: string) => Promise<void>; inputId: string; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    await onApply(name);
    setName('');
  };
  return (
    <form className="tag-input" onSubmit={submit}>
      <label className="visually-hidden" htmlFor={inputId}>
        {t('tags.addPlaceholder')}
      </label>
      <input id={inputId} list={`${inputId}-list`} value={name} placeholder={t('tags.addPlaceholder')} autoFocus={autoFocus} onChange={(e) => setName(e.target.value)} />
      <datalist id={`${inputId}-list`}>
        {tags.map((tag) => (
          <option key={tag.id} value={tag.name} />
        ))}
      </datalist>
      <button type="submit">{t('tags.apply')}</button>
    </form>
  );
}
