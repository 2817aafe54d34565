// Topics as the ingest path and "apply to stored items" use them: parsed once, matched many times.
import { matchDocument, parseQuery, type Query } from '../../src-shared/query';
import { analyzeDocument } from '../../src-shared/text';
import type { StoredItem, Topic } from '../db/schema';

export interface CompiledTopic {
  topic: Topic;
  query: Query;
}

/** Topics whose query does not parse are left out (the editor refuses to save those anyway). */
export function compileTopics(topics: Topic[]): CompiledTopic[] {
  const compiled: CompiledTopic[] = [];
  for (const topic of topics) {
    const parsed = parseQuery(topic.query);
    if (parsed.ok) compiled.push({ topic, query: parsed.query });
  }
  return compiled;
}

export interface ItemContext {
  sourceName: string;
  tagNames: string[];
}

export function inTopicWindow(topic: Topic, publishedAt: string): boolean {
  const day = publishedAt.slice(0, 10);
  return (topic.from === null || day >= topic.from) && (topic.to === null || day <= topic.to);
}

/** The topics an item matches: the same matcher as search, over the same analysed fields. */
export function matchingTopics(item: Pick<StoredItem, 'title' | 'summary' | 'text' | 'language' | 'sourceId' | 'publishedAt'>, context: ItemContext, topics: CompiledTopic[]): CompiledTopic[] {
  const candidates = topics.filter((t) => inTopicWindow(t.topic, item.publishedAt));
  if (candidates.length === 0) return [];
  const doc = analyzeDocument({
    title: item.title,
    summary: item.summary,
    text: item.text,
    sourceName: context.sourceName,
    sourceId: item.sourceId,
    tags: context.tagNames,
    language: item.language,
  });
  return candidates.filter((t) => matchDocument(t.query, doc));
}
