import { FEATURES } from '$lib/features';
import type { MessageKey } from '$lib/i18n';
import type { Area } from '$lib/roles';

export interface NavLink {
  href: string;
  label: MessageKey;
}

const HOME: Record<Area, NavLink[]> = {
  admin: [
    { href: '/admin', label: 'nav.home' },
    { href: '/program', label: 'area.program' },
    { href: '/pasar', label: 'area.pasar' },
  ],
  program: [{ href: '/program', label: 'nav.home' }],
  pasar: [{ href: '/pasar', label: 'nav.home' }],
  usaha: [{ href: '/usaha', label: 'nav.home' }],
  mitra: [{ href: '/mitra', label: 'nav.home' }],
  kota: [{ href: '/kota', label: 'nav.home' }],
};

/** Each area's menu: its home, then each feature's links in registry order (lib/features). */
export const AREA_NAV: Record<Area, NavLink[]> = Object.fromEntries(
  (Object.keys(HOME) as Area[]).map((area) => [area, [...HOME[area], ...FEATURES.flatMap((f): NavLink[] => f.nav?.[area] ?? [])]]),
) as Record<Area, NavLink[]>;
