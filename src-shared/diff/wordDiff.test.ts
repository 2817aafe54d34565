import { describe, expect, it } from 'vitest';
import { wordDiff, wordsChanged, type DiffPart } from './index';

const side = (parts: DiffPart[], drop: DiffPart['kind']) => parts.filter((p) => p.kind !== drop).map((p) => p.text).join('');

describe('wordDiff', () => {
  it('marks a changed Cyrillic word as one removed and one added word, not letter by letter', () => {
    const parts = wordDiff('Токаев и Вучич провели брифинг для СМИ', 'Тоқаев и Вучич провели брифинг для прессы');
    expect(parts).toEqual([
      { kind: 'removed', text: 'Токаев' },
      { kind: 'added', text: 'Тоқаев' },
      { kind: 'same', text: ' и Вучич провели брифинг для ' },
      { kind: 'removed', text: 'СМИ' },
      { kind: 'added', text: 'прессы' },
    ]);
  });

  it('rebuilds both versions exactly from its parts', () => {
    const before = 'Президент Сербии Александр Вучич прилетел в Астану.\n\nЕго встретил премьер-министр Олжас Бектенов.';
    const after = 'Президент Сербии Александр Вучич прибыл в Астану с официальным визитом.\n\nВ аэропорту его встретил премьер-министр Казахстана Олжас Бектенов.';
    const parts = wordDiff(before, after);
    expect(side(parts, 'added')).toBe(before);
    expect(side(parts, 'removed')).toBe(after);
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toContain('прилетел');
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toContain('прибыл');
  });

  it('handles Kazakh and Serbian Latin words as words', () => {
    const kk = wordDiff('Мемлекет басшысы Ақордада кездесу өткізді', 'Мемлекет басшысы Ақордада жиын өткізді');
    expect(kk.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'кездесу' },
      { kind: 'added', text: 'жиын' },
    ]);
    const sr = wordDiff('Vučić u zvaničnoj poseti Kazahstanu', 'Vučić u zvaničnoj poseti Astani');
    expect(sr).toEqual([
      { kind: 'same', text: 'Vučić u zvaničnoj poseti ' },
      { kind: 'removed', text: 'Kazahstanu' },
      { kind: 'added', text: 'Astani' },
    ]);
  });

  it('gives one same part for equal texts and nothing for two empty ones', () => {
    expect(wordDiff('Курс тенге', 'Курс тенге')).toEqual([{ kind: 'same', text: 'Курс тенге' }]);
    expect(wordDiff('', '')).toEqual([]);
    expect(wordDiff('', 'Новый заголовок')).toEqual([{ kind: 'added', text: 'Новый заголовок' }]);
  });

  it('rebuilds both sides for many random edits of a Russian/Kazakh text', () => {
    const words = 'Тоқаев Вучич провели брифинг, для СМИ. Астана  Белград\nсотрудничество 30-летие «Алтын Қыран» Ә Ғ Қ Ң Ө Ұ Ү Һ І'.split(' ');
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let round = 0; round < 200; round++) {
      const a = Array.from({ length: 3 + Math.floor(next() * 15) }, () => words[Math.floor(next() * words.length)]!);
      const b = a.filter(() => next() > 0.2).map((w) => (next() < 0.2 ? words[Math.floor(next() * words.length)]! : w));
      const before = a.join(next() < 0.5 ? ' ' : '  ');
      const after = b.join(' ');
      const parts = wordDiff(before, after);
      expect(side(parts, 'added')).toBe(before);
      expect(side(parts, 'removed')).toBe(after);
      for (let i = 1; i < parts.length; i++) expect(parts[i]!.kind).not.toBe(parts[i - 1]!.kind);
    }
  });

  it('never puts two parts of one kind next to each other', () => {
    const parts = wordDiff('а б в г д е ж', 'а x y г z е ж w');
    for (let i = 1; i < parts.length; i++) expect(parts[i]!.kind).not.toBe(parts[i - 1]!.kind);
  });
});

describe('wordsChanged', () => {
  it('ignores re-spacing but not an edited word', () => {
    expect(wordsChanged('Токаев  и Вучич\n', 'Токаев и Вучич')).toBe(false);
    expect(wordsChanged('Токаев и Вучич', 'Тоқаев и Вучич')).toBe(true);
  });
});
