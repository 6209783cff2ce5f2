/**
 * The year parameter of every page's query string, as a zod schema: four digits, within the years
 * with data. The parsers that run in the browser (view state, /inequalities/, /claims/ filters) use
 * zod/mini, the same checks without the chainable methods: a link with settings then loads 85 KB
 * of zod rather than 105 KB, and on a phone (4× CPU) evaluating it no longer adds long tasks.
 */
import * as z from 'zod/mini';

export const yearParam = (firstYear: number, lastYear: number) =>
  z.pipe(z.string().check(z.regex(/^\d{4}$/)), z.transform(Number)).check(z.refine((y) => y >= firstYear && y <= lastYear));
