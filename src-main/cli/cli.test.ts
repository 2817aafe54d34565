// The command line as a user scripts it: a real process, real HTTP on loopback.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSampleFeedServer, type SampleFeedServer } from '../demo/sampleFeedServer';
import { projectRoot, sampleFeedsDir } from '../paths';

const run = promisify(execFile);
const cli = (args: string[]) =>
  run(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src-main', 'cli', 'index.ts'), ...args], { cwd: projectRoot });

describe('presswatch fetch', () => {
  let feeds: SampleFeedServer;
  beforeAll(async () => {
    feeds = await startSampleFeedServer(sampleFeedsDir);
  });
  afterAll(() => feeds.close());

  it('prints the feed and its items as JSON and nothing else', async () => {
    const { stdout } = await cli(['fetch', `${feeds.baseUrl}/encoding/zakon-cp1251-declared.xml`, '--json']);
    const parsed = JSON.parse(stdout) as { feed: Record<string, unknown>; items: Array<Record<string, unknown>> };
    expect(Object.keys(parsed)).toEqual(['feed', 'items']);
    expect(parsed.feed).toMatchObject({ format: 'rss', url: `${feeds.baseUrl}/encoding/zakon-cp1251-declared.xml` });
    expect(parsed.items[0]).toMatchObject({ title: 'Токаев и Вучич провели брифинг для СМИ после переговоров', publishedAt: '2026-02-26T12:45:00.000Z' });
    for (const key of ['id', 'guid', 'url', 'title', 'summary', 'contentHtml', 'text', 'author', 'publishedAt', 'categories', 'imageUrl', 'enclosures', 'language']) {
      expect(parsed.items[0]).toHaveProperty(key);
    }
    expect(stdout).not.toContain('\uFFFD');
  });

  it('keeps only the items the query matches', async () => {
    const { stdout } = await cli(['fetch', `${feeds.baseUrl}/atom/astanatimes-atom-en.xml`, '--json', '--query', 'Вучич']);
    const titles = (JSON.parse(stdout) as { items: Array<{ title: string }> }).items.map((i) => i.title);
    expect(titles).toEqual(['Tokayev and Vučić brief the media after talks']);
  });

  it('fails with one line naming the cause and a non-zero exit', async () => {
    const failure = await cli(['fetch', `${feeds.baseUrl}/html/bot-challenge.html`, '--json']).catch((error: { code: number; stdout: string; stderr: string }) => error);
    expect('code' in failure && failure.code).toBe(1);
    expect(failure.stdout).toBe('');
    expect(failure.stderr.trim().split('\n')).toHaveLength(1);
    expect(failure.stderr).toMatch(/^presswatch: Not a feed/);
  });
});
