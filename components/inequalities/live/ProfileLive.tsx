'use client';

import { useMemo } from 'react';
import { profileView } from '@/lib/inequalities/profile';
import type { LiveProps } from '../ChartIsland';
import { ProfileFrameView, ProfilePrompt } from '../frames';
import { useIneq } from '../IneqState';

/** Where the first labelled council's children live, against England. */
export function ProfileLive(_: LiveProps) {
  const { data, state, ctx, councils } = useIneq();
  const code = state.areas.find((c) => data.deciles[c] !== undefined);
  const council = code ? councils.get(code) : undefined;
  const view = useMemo(
    () => (code && council ? profileView({ code, name: council.name, children: data.deciles[code]!, england: data.deciles['E92000001']!, iod: data.iodSource, state, ctx }) : undefined),
    [code, council, data.deciles, data.iodSource, state, ctx],
  );
  if (!view || !council) return <ProfilePrompt />;
  return <ProfileFrameView view={view} name={council.name} />;
}
