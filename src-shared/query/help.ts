// The query syntax as data, so the search box's help popover, the README and tests render the
// same list. English; the UI translates `meaning` by `id`.

export interface QuerySyntaxEntry {
  /** Stable identifier for translations. */
  id: string;
  syntax: string;
  example: string;
  meaning: string;
}

export const QUERY_SYNTAX_HELP: readonly QuerySyntaxEntry[] = [
  { id: 'words', syntax: 'word word', example: 'Вучич Астана', meaning: 'Items containing all the words. Any inflection matches (Вучича, Вучичем), in Cyrillic or Latin (Vučić, Vucic), Kazakh letters or not (Тоқаев = Токаев). Case never matters.' },
  { id: 'or', syntax: 'word OR word', example: 'Токаев OR Tokayev', meaning: 'Either word. OR must be in capitals; | works too. OR binds tighter than the spaces between words: “визит Сербия OR Serbia” is визит AND (Сербия OR Serbia).' },
  { id: 'not', syntax: '-word   NOT word', example: 'Сербия -теннис', meaning: 'Leave out items containing the word. NOT must be in capitals. A query needs at least one word to look for.' },
  { id: 'group', syntax: '( ... )', example: '(Вучич OR Vučić) (Астана OR Ақорда)', meaning: 'Group words to combine OR and NOT with other words.' },
  { id: 'phrase', syntax: '"words in a row"', example: '"Алтын Қыран"', meaning: 'The words next to each other in this order, each in any inflection. «ёлочки» and “curly” quotes work too. Hyphenated words (Касым-Жомарт) are phrases by themselves.' },
  { id: 'prefix', syntax: 'word*', example: 'серб*', meaning: 'Words starting with these letters (at least 2): сербский, Сербии, сербов. Prefixes do not cross scripts.' },
  { id: 'exact', syntax: '=word', example: '=Сербии', meaning: 'Only this exact form: no other inflections, scripts or spellings (case and ё still do not matter).' },
  { id: 'title', syntax: 'title:word', example: 'title:Вучич', meaning: 'The word in the headline. Also title:"phrase" and title:(a OR b).' },
  { id: 'source', syntax: 'source:name', example: 'source:zakon', meaning: 'Items from a source whose name contains the word.' },
  { id: 'tag', syntax: 'tag:name', example: 'tag:визит', meaning: 'Items with a tag whose name contains the word.' },
  { id: 'lang', syntax: 'lang:code', example: 'lang:kk', meaning: 'Items in this language: kk, ru, sr, en …' },
];
