/** The nations (and crown dependencies) a postcode can be in. No dependencies: the browser's search box uses it. */
export const NATIONS = ['england', 'wales', 'scotland', 'northern-ireland', 'channel-islands', 'isle-of-man'] as const;
export type Nation = (typeof NATIONS)[number];

export const NATION_NAME: Readonly<Record<Nation, string>> = {
  england: 'England',
  wales: 'Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
  'channel-islands': 'the Channel Islands',
  'isle-of-man': 'the Isle of Man',
};
