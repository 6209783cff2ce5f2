import { z } from 'zod';

/**
 * Claim specs: what a quoted claim asserts, as data (claims/*.json, one file per quote, reviewed
 * like code). A spec names the measures, area and years a quote speaks of and what it asserts, in
 * one of a few typed forms. It never holds a result: every figure, the arithmetic and the verdict
 * are computed from data/ at build time (lib/claims/engine.ts). The only numbers in a spec are the
 * claim's own (checked against the quote's words by tests/unit/claim-specs.test.ts) and years.
 */

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case slug');
const gss = z.string().regex(/^E(92|12|06|08|09|10)\d{6}$/, 'must be an English GSS code');
const year = z.number().int().min(1980).max(2040);
const unit = z.enum(['count', 'rate']);

/** Words of the quote that a check tests: must appear in the quote word for word. */
const says = z.string().min(3);
/** A reviewer's reasoning about the reading chosen (no figures: tests reject results in notes). */
const note = z.string().min(3).optional();
/** A reviewer's caveat the figures cannot show (e.g. a proxy measure, a shorter period): a check that holds then holds only with it. */
const caveat = z.string().min(10).optional();

/**
 * A figure a check reads: one measure (count or rate per 10,000), the difference of two measures'
 * counts in the same year (e.g. enquiries minus plans started: "not followed by a plan"), or the
 * sum of several (e.g. three lines of spending).
 */
export const quantitySchema = z.union([
  z.object({ measure: slug, unit: unit.optional() }).strict(),
  z.object({ minus: z.tuple([slug, slug]) }).strict(),
  z.object({ sum: z.array(slug).min(2) }).strict(),
]);
export type Quantity = z.infer<typeof quantitySchema>;

export const COMPARATORS = ['about', 'exactly', 'more-than', 'at-least', 'less-than', 'almost'] as const;
export type Comparator = (typeof COMPARATORS)[number];

/**
 * A claimed number and how it is to be read. `about` needs `roundedTo` (the claim holds if the
 * figure rounds to the claimed number at that precision); `almost` accepts up to `within` (a
 * fraction, default 0.1) below the number and nothing above it; `exactly` needs the published
 * figure itself. `scale: one-in` reads the value as N in "one in N children" (a rate per 10,000 is
 * 10,000 / N): the comparison is made on N.
 */
const claimedShape = {
  comparator: z.enum(COMPARATORS),
  value: z.number().positive(),
  roundedTo: z.number().positive().optional(),
  within: z.number().gt(0).max(0.5).optional(),
  scale: z.enum(['one-in']).optional(),
};

function claimedRules(c: { comparator: Comparator; roundedTo?: number | undefined; within?: number | undefined }, ctx: z.RefinementCtx): void {
  if (c.comparator === 'about' && c.roundedTo === undefined) ctx.addIssue({ code: 'custom', path: ['roundedTo'], message: '"about" needs roundedTo: the precision the claim was rounded to' });
  if (c.comparator !== 'about' && c.roundedTo !== undefined) ctx.addIssue({ code: 'custom', path: ['roundedTo'], message: 'roundedTo only applies to "about"' });
  if (c.comparator !== 'almost' && c.within !== undefined) ctx.addIssue({ code: 'custom', path: ['within'], message: 'within only applies to "almost"' });
}

export const claimedSchema = z.object(claimedShape).strict().superRefine(claimedRules);
export type Claimed = z.infer<typeof claimedSchema>;

const direction = z.enum(['up', 'down']);

/** What a change claim asserts: a factor ("more than doubled"), a percentage ("up 24%"), a direction, or a rise (fall) every year. */
export const changeClaimSchema = z.union([
  z.object({ type: z.literal('factor'), ...claimedShape }).strict().superRefine(claimedRules),
  z.object({ type: z.literal('percent'), ...claimedShape }).strict().superRefine(claimedRules),
  z.object({ type: z.literal('direction'), value: direction }).strict(),
  z.object({ type: z.literal('every-year'), value: direction }).strict(),
]);
export type ChangeClaim = z.infer<typeof changeClaimSchema>;

const level = z
  .object({ form: z.literal('level'), says, note, caveat, quantity: quantitySchema, year, claimed: claimedSchema })
  .strict();

const change = z
  .object({
    form: z.literal('change'),
    says,
    note,
    caveat,
    quantity: quantitySchema,
    /** Each defensible base year, judged side by side (the first is the one the claim reads most naturally). */
    bases: z.array(year).min(1),
    to: year,
    claimed: changeClaimSchema,
    /** The same change on a series counted the same way every year (e.g. children subject to enquiries). */
    likeForLike: quantitySchema.optional(),
  })
  .strict();

const share = z
  .object({
    form: z.literal('share'),
    says,
    note,
    caveat,
    part: quantitySchema,
    whole: quantitySchema,
    year,
    claimed: z.object({ part: claimedSchema.optional(), percent: claimedSchema.optional() }).strict(),
  })
  .strict();

const ratio = z
  .object({
    form: z.literal('ratio'),
    says,
    note,
    caveat,
    numerator: quantitySchema,
    denominator: quantitySchema,
    /** Years, each optionally with the percentage claimed for it. */
    points: z.array(z.object({ year, claimed: claimedSchema.optional() }).strict()).min(1),
    direction: direction.optional(),
    likeForLike: z.object({ numerator: quantitySchema.optional(), denominator: quantitySchema.optional() }).strict().optional(),
  })
  .strict();

const record = z
  .object({
    form: z.literal('record'),
    says,
    note,
    caveat,
    quantity: quantitySchema,
    year,
    /** First year the claim compares against (e.g. 1992, "since the Children Act 1989"); null = ever, on record. */
    since: year.nullable(),
    claimed: z.enum(['highest', 'lowest']),
  })
  .strict();

/** CWIP rates by neighbourhood deprivation decile (data/cwip.csv): measure codes as the rows name them (CLA, CPP, CPR). */
const cwipMeasure = z.enum(['CLA', 'CPP', 'CPR']);

const gradient = z
  .object({
    form: z.literal('gradient'),
    says,
    note,
    caveat,
    country: z.enum(['England', 'Wales']),
    measures: z.array(cwipMeasure).min(1),
    claimed: z.union([
      z.object({ type: z.literal('every-step'), value: direction }).strict(),
      /** The rate in the most deprived tenth over the rate in the least deprived tenth. */
      z.object({ type: z.literal('ratio'), ...claimedShape }).strict().superRefine(claimedRules),
      /** The rates in the most and least deprived tenths themselves. */
      z.object({ type: z.literal('levels'), most: claimedSchema, least: claimedSchema }).strict(),
    ]),
  })
  .strict();

const projection = z
  .object({
    form: z.literal('projection'),
    says,
    note,
    caveat,
    quantity: quantitySchema,
    /** The level the claim says will be reached, and the year ending 31 March by which. */
    target: z.number().positive(),
    by: year,
    /** The figure the claim projects from: the latest published when it was made. */
    from: year,
    /** Years of growth before `from` that "on course" is read against, at the time. */
    trend: z.number().int().min(2).max(15),
  })
  .strict();

const unverifiable = z
  .object({
    form: z.literal('unverifiable'),
    says,
    note,
    caveat,
    /** Why these data cannot check it. */
    why: z.string().min(10),
    /** What data would. */
    needs: z.string().min(10),
  })
  .strict();

export const checkSchema = z.discriminatedUnion('form', [level, change, share, ratio, record, gradient, projection, unverifiable]);
export type CheckSpec = z.infer<typeof checkSchema>;
export type CheckForm = CheckSpec['form'];
export const CHECK_FORMS = ['level', 'change', 'share', 'ratio', 'record', 'gradient', 'projection', 'unverifiable'] as const satisfies readonly CheckForm[];

export const claimSpecSchema = z
  .object({
    /** The quote's id in data/quotes.csv (and the file name, claims/{quote}.json). */
    quote: slug,
    /** Area the claim speaks of (default England). */
    area: gss.optional(),
    checks: z.array(checkSchema).min(1),
    /** The series charted on the claim page, when not the first check's measure. */
    chart: z.object({ measure: slug, unit: unit.optional() }).strict().optional(),
    note,
  })
  .strict();
export type ClaimSpec = z.infer<typeof claimSpecSchema>;

/** claims/not-claims.json: quotes whose claim_numbers are not a checkable figure, each with the reason. */
export const notClaimsSchema = z.record(slug, z.string().min(20));

/** claims/context.json: qualitative quotes and the measures they speak about (shown as context on those pages). */
export const contextSchema = z.record(slug, z.array(slug).min(1));
