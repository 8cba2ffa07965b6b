import { Role } from '../../modules/user/role.enum';

/** One demo account per role; the README lists the same sign-ins. */
export const DEMO_PASSWORD = 'kupang2026';

export interface DemoAccount {
  login: string;
  fullName: string;
  role: Role;
  partner?: string;
  kelurahanCodes?: string[];
}

export const DEMO_PARTNERS = [
  { name: 'Bank Flobamora (demo)', sector: 'Perbankan' },
  { name: 'PT Sahabat Perempuan Nusantara (demo)', sector: 'Manufaktur pembalut' },
];

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { login: 'admin@kupang.demo', fullName: 'Admin Kota Kupang', role: Role.ADMIN },
  { login: 'program@kupang.demo', fullName: 'Maria Ndolu', role: Role.PROGRAM_STAFF },
  { login: 'oebobo@kupang.demo', fullName: 'Yosef Bria', role: Role.PROGRAM_STAFF, kelurahanCodes: ['53.71.04.1001', '53.71.04.1008', '53.71.04.1009'] },
  { login: 'pasar@kupang.demo', fullName: 'Agustina Lay', role: Role.MARKET_STAFF },
  { login: '081234560001', fullName: 'Mama Yuliana Bana', role: Role.VENDOR },
  { login: 'mitra@kupang.demo', fullName: 'Daniel Riwu', role: Role.PARTNER, partner: 'Bank Flobamora (demo)' },
  { login: 'leadership@kupang.demo', fullName: 'Kantor Wali Kota (demo)', role: Role.LEADERSHIP },
];
