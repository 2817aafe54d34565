/** Word-level diff of two versions of an item's title or text, for "the outlet edited this". */
export { wordDiff, wordsChanged, type DiffPart } from './wordDiff';
