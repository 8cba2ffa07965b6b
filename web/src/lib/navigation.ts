import type { MessageKey } from '$lib/i18n';
import type { Area } from '$lib/roles';

export interface NavLink {
  href: string;
  label: MessageKey;
}

/** Each area's menu. Feature pages add their links here as they arrive. */
export const AREA_NAV: Record<Area, NavLink[]> = {
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
