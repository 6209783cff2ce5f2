'use client';

import { lazy } from 'react';

/**
 * Charts whose code is loaded only when the browser draws them. On an area page every chart is kept
 * as the build drew it (StaticPart) until a trend card nears the screen, the pathway's year changes
 * or a page is reached by a link inside the site, so loading the charts and d3 with the page only
 * made its hydration longer. Draw them inside a transition or from a deferred value, so a kept
 * drawing stays until the code is there. Not under a Suspense boundary: the build then streams the
 * chart out of order, and without JavaScript it is never put in place.
 */
export const LazyTrendChart = lazy(() => import('./TrendChart').then((m) => ({ default: m.TrendChart })));
export const LazyPathwayChart = lazy(() => import('./PathwayChart').then((m) => ({ default: m.PathwayChart })));
export const LazyBarChart = lazy(() => import('./BarChart').then((m) => ({ default: m.BarChart })));

/** Starts loading the pathway chart's code before it is needed (a reader reaching for the year). */
export const preloadPathwayChart = () => void import('./PathwayChart');
