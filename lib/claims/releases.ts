/**
 * When a release was published, as a comparable day: the claims judge a claim on the figures of
 * its time, so they need to know which releases came out before it was made. Pure.
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DAYS_IN = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The latest day (yyyymmdd) a release can have been published on, from the words a source gives:
 * "November 2025" → 20251130, "2018" → 20181231, "2017 to 2021" → 20211231. Taking the end of the
 * month or year means a release is never counted as known before a claim when it may not have been.
 */
export function publishedBy(published: string): number | undefined {
  const text = published.toLowerCase();
  const years = [...text.matchAll(/\b(19|20)\d{2}\b/g)].map((m) => Number(m[0]));
  if (!years.length) return undefined;
  const year = Math.max(...years);
  // A month named next to the latest year ("November 2025", "26 September 2019").
  const monthMatch = new RegExp(`\\b(${MONTHS.join('|')})\\s+${year}\\b`).exec(text);
  if (!monthMatch) return year * 10000 + 1231;
  const month = MONTHS.indexOf(monthMatch[1]!) + 1;
  const day = /\b(\d{1,2})\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{4}/.exec(text);
  return year * 10000 + month * 100 + (day ? Number(day[1]) : DAYS_IN[month - 1]!);
}
