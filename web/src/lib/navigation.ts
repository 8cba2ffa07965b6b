import type { MessageKey } from '$lib/i18n';
import type { Area } from '$lib/roles';
import { accountNav } from '$lib/nav/account';
import { fundingNav } from '$lib/nav/funding';
import { inaKasihNav } from '$lib/nav/ina-kasih';
import { marketNav } from '$lib/nav/market';
import { offlineNav } from '$lib/nav/offline';
import { trainingNav } from '$lib/nav/training';
import { turnoverNav } from '$lib/nav/turnover';

export interface NavLink {
  href: string;
  label: MessageKey;
}

/** Links a feature adds to some areas' menus. */
export type AreaNav = Partial<Record<Area, NavLink[]>>;

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
};

const FEATURES: AreaNav[] = [marketNav, turnoverNav, trainingNav, inaKasihNav, fundingNav, offlineNav, accountNav];

/** Each area's menu: its home, then each feature's links in a fixed order. */
export const AREA_NAV: Record<Area, NavLink[]> = Object.fromEntries(
  (Object.keys(HOME) as Area[]).map((area) => [area, [...HOME[area], ...FEATURES.flatMap((f) => f[area] ?? [])]]),
) as Record<Area, NavLink[]>;
