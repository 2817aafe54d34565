// The "same story" decision over two fingerprints, and its evaluation on labelled pairs.
import { compare, SIGNATURE_SIZE, type Comparison, type Fingerprint } from './fingerprint';

/**
 * Thresholds, tuned on the labelled corpus in testdata/ (53 items, 1,378 pairs, see
 * similarity.test.ts for the figures they reach). Each rule is one way outlets retell a story:
 */
export const THRESHOLDS = {
  /** Reprints and light edits: one 3-word shingle in seven shared (unrelated pairs stay under 0.05). */
  jaccard: 0.15,
  /** A lead or short rewrite inside a long report: most of the smaller item's shingles are in the other... */
  containment: 0.4,
  /** ...backed by enough agreeing MinHash positions that it is not noise from one big text. */
  minAgreements: 4,
  /** ...and by the same names and figures. */
  containmentAnchors: 0.6,
  /** Another language or wholly new wording: the same names and figures (Jaccard of anchor sets)... */
  anchorJaccard: 0.55,
  /** ...and at least this many of them, so "Tokayev, Kazakhstan" alone never makes a story. */
  minSharedAnchors: 4,
  /** ...or a lower share of anchors when at least two of the shared ones are figures (30 years, 60 companies, EXPO 2027). */
  anchorJaccardWithFigures: 0.35,
  minSharedNumbers: 2,
  /** Two items that each quote several figures and share under half of them are different news (daily rates). */
  numberAgreement: 0.5,
  /** ...unless they are near copies (an outlet corrected a figure). */
  nearCopy: 0.6,
} as const;

function numbersConflict(c: Comparison): boolean {
  const fewer = Math.min(c.numbersA, c.numbersB);
  return fewer >= 2 && c.sharedNumbers / fewer < THRESHOLDS.numberAgreement && c.jaccard < THRESHOLDS.nearCopy;
}

function decide(c: Comparison): { same: boolean; score: number } {
  if (numbersConflict(c)) return { same: false, score: 0 };
  const agreements = Math.round(c.jaccard * SIGNATURE_SIZE);
  const byWording = c.jaccard >= THRESHOLDS.jaccard;
  const byContainment =
    c.containment >= THRESHOLDS.containment && agreements >= THRESHOLDS.minAgreements && c.anchorContainment >= THRESHOLDS.containmentAnchors;
  const anchorsBar = c.sharedNumbers >= THRESHOLDS.minSharedNumbers ? THRESHOLDS.anchorJaccardWithFigures : THRESHOLDS.anchorJaccard;
  const byAnchors = c.anchorJaccard >= anchorsBar && c.sharedAnchors >= THRESHOLDS.minSharedAnchors;
  // The score puts every rule on one scale where 1 is its threshold, then halves it: ≥ 0.5 means same story.
  const score = Math.min(
    1,
    0.5 *
      Math.max(
        c.jaccard / THRESHOLDS.jaccard,
        agreements >= THRESHOLDS.minAgreements && c.anchorContainment >= THRESHOLDS.containmentAnchors ? c.containment / THRESHOLDS.containment : 0,
        c.sharedAnchors >= THRESHOLDS.minSharedAnchors ? c.anchorJaccard / anchorsBar : 0,
      ),
  );
  return { same: byWording || byContainment || byAnchors, score };
}

/**
 * How alike two items are as reports of one story, in [0, 1]; 0.5 and above is the same story
 * (exactly when {@link sameStory} says so). For ranking candidates.
 */
export function similarity(a: Fingerprint, b: Fingerprint): number {
  return decide(compare(a, b)).score;
}

/** Do two items report the same story (reprint, rewrite, or the same news in another language)? */
export function sameStory(a: Fingerprint, b: Fingerprint): boolean {
  return decide(compare(a, b)).same;
}

export interface PairEvaluation {
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** Precision and recall of {@link sameStory} (or another decision) on labelled fingerprint pairs. */
export function evaluatePairs(
  pairs: Iterable<{ a: Fingerprint; b: Fingerprint; same: boolean }>,
  decision: (a: Fingerprint, b: Fingerprint) => boolean = sameStory,
): PairEvaluation {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { a, b, same } of pairs) {
    const said = decision(a, b);
    if (said && same) tp++;
    else if (said) fp++;
    else if (same) fn++;
    else tn++;
  }
  return { precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, tp, fp, fn, tn };
}
