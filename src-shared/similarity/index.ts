/**
 * "Same story, other outlet": fingerprints that find the reprint, the agency rewrite with a new
 * lead, and the Kazakh, English or Serbian report of the same event, without comparing all pairs.
 *
 *   fingerprint({title, text, language}) → Fingerprint   small plain JSON, stored with the item
 *   bandKeysOf(fp) → string[]       keys for a Dexie multi-entry index (`*bands`): candidates share one
 *   similarity(a, b) → number       0..1, ≥ 0.5 exactly when sameStory; for ranking candidates
 *   sameStory(a, b) → boolean       the decision
 *   StoryGrouper(lookup).assign(item) → {storyId, matchedId, similarity, firstPublisher}
 *   firstPublisher(members)         the earliest publishedAt (ties by id)
 *   evaluatePairs(pairs)            precision/recall of the decision on labelled pairs
 *   MemoryBandIndex                 the band index in memory (CLI, tests, benchmarks)
 *
 * How: the text goes through the app's analyser (src-shared/text), one key per content word
 * (Russian stems, Kazakh suffixes peeled, Serbian Latin read as Cyrillic), stopwords dropped;
 * 3-word shingles of those keys get a 64-value MinHash, banded 16 × 4 for LSH; the text's first
 * 20 shingles get 4 bands of their own (so a lead-only copy meets the full report). Separately,
 * names (capitalised words not starting a sentence, as cross-script skeletons: Токаев = Тоқаев =
 * Tokayev) and numbers (9,1 = 9.1) are "anchors", hashed into a sorted list, MinHashed into 6
 * more bands. In Dexie: store `bands` as a multi-entry index (`*bands`) and look candidates up
 * with `where('bands').anyOf(fp.bands)`.
 * Two items are one story when their wording overlaps (Jaccard, or containment of a lead), or
 * when they share most anchors — unless both quote figures and the figures disagree.
 */
export { fingerprint, bandKeysOf, rebuildBandKeys, compare, FINGERPRINT_VERSION, type Fingerprint, type Comparison } from './fingerprint';
export { sameStory, similarity, evaluatePairs, THRESHOLDS, type PairEvaluation } from './decide';
export { StoryGrouper, firstPublisher, type GroupedItem, type CandidateLookup, type StoryAssignment, type StoryGrouperOptions } from './grouper';
export { MemoryBandIndex } from './memoryIndex';
export type { StoryText } from './features';
