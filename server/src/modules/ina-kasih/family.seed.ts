import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { Region } from '../region/region.entity';
import { FamilyDataSource, FamilyRelation, Sex } from './family.enums';
import { FamilyKkHistory } from './family-kk-history.entity';
import { FamilyMember } from './family-member.entity';
import { Family } from './family.entity';
import { piiCipher } from './identity.util';

/** Kelurahan of the demo families; the first three are those of the demo officer oebobo@kupang.demo. */
const KELURAHAN = ['53.71.04.1001', '53.71.04.1008', '53.71.04.1009', '53.71.02.1004', '53.71.02.1001', '53.71.01.1001', '53.71.03.1010', '53.71.05.1001', '53.71.06.1001'];
const STREETS = ['Jl. Timor Raya', 'Jl. Frans Seda', 'Jl. Soeharto', 'Jl. Adisucipto', 'Jl. Perintis Kemerdekaan', 'Jl. Cak Doko', 'Jl. Eltari', 'Jl. Moh. Hatta', 'Jl. Sam Ratulangi'];
const MEN = ['Yohanis', 'Simon', 'Yosef', 'Petrus', 'Markus', 'Daniel', 'Agustinus', 'Frans', 'Yakobus', 'Melkianus', 'Aleksander', 'Stefanus'];
const WOMEN = ['Maria', 'Ester', 'Yuliana', 'Dorkas', 'Agustina', 'Selfina', 'Marta', 'Ribka', 'Naomi', 'Debora', 'Yohana', 'Sarlota', 'Elisabeth', 'Magdalena'];
const GIRLS = ['Angelina', 'Priskila', 'Grasela', 'Kristin', 'Yunita', 'Febriani', 'Meylin', 'Oktaviani', 'Ireni', 'Natalia'];
const BOYS = ['Yosua', 'Rio', 'Kevin', 'Gilbert', 'Jefri', 'Aldo', 'Imanuel', 'Ronaldo'];
const CLANS = ['Tefa', 'Ndun', 'Bana', 'Manu', 'Lake', 'Nope', 'Benu', 'Tallo', 'Kana', 'Fanggi', 'Lado', 'Kase', 'Sinlae', 'Taneo', 'Amalo', 'Pah'];

const p2 = (n: number) => String(n).padStart(2, '0');

/** ~240 families with their members (so rounds have women and girls aged 10–45) and one duplicate KK. Safe to run twice. */
export async function seedFamiliesDemo(em: EntityManager, logger: Logger, piiKey: string): Promise<void> {
  if (await em.count(Family, {})) return;
  const cipher = piiCipher(piiKey);
  let seed = 20250901;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const born = (fromYear: number, toYear: number) => `${fromYear + Math.floor(rand() * (toYear - fromYear + 1))}-${p2(1 + Math.floor(rand() * 12))}-${p2(1 + Math.floor(rand() * 28))}`;
  let serial = 0;
  const nikOf = (area: string, birth: string, sex: Sex) => {
    const [y, m, d] = birth.split('-').map(Number);
    return `${area}${p2(d + (sex === Sex.FEMALE ? 40 : 0))}${p2(m)}${p2(y % 100)}${String(++serial).padStart(4, '0')}`;
  };
  const regions = new Map((await em.find(Region, { code: { $in: KELURAHAN } })).map((r) => [r.code, r]));
  const kks: string[] = [];
  for (let i = 0; i < 240; i++) {
    const code = KELURAHAN[i % KELURAHAN.length];
    const area = `5371${code.slice(6, 8)}`;
    const clan = pick(CLANS);
    const head = `${pick(MEN)} ${clan}`;
    // The last family carries the KK of the sixth: a split family not yet re-registered, flagged for staff.
    const kk = i === 239 ? kks[5] : `${area}${p2(1 + (i % 28))}${p2(1 + (i % 12))}23${String(1000 + i).padStart(4, '0')}`;
    kks.push(kk);
    const phase = i < 150 ? 1 : 2;
    const family = new Family({
      kk: cipher.protect('KK', kk),
      headName: head,
      address: `${pick(STREETS)} No. ${1 + Math.floor(rand() * 120)}, RT 0${1 + Math.floor(rand() * 9)}/RW 0${1 + Math.floor(rand() * 5)}`,
      kelurahan: regions.get(code)!,
      dataSource: i % 7 === 0 ? FamilyDataSource.USULAN : FamilyDataSource.DTSEN,
      enrolledAt: phase === 1 ? '2025-09-01' : '2026-03-01',
    });
    Object.assign(family, {
      desil: i % 7 === 0 ? undefined : 1 + (i % 3 === 0 ? 1 : 0),
      phase,
      verifiedAt: phase === 1 ? '2025-08-15' : '2026-02-16',
      skNumber: phase === 1 ? '188.45/KEP/212/2025' : '188.45/KEP/064/2026',
      consentGivenAt: new Date(phase === 1 ? '2025-08-15T02:00:00Z' : '2026-02-16T02:00:00Z'),
      consentMethod: 'formulir tertulis saat verval',
    });
    const history = new FamilyKkHistory(family, cipher.protect('KK', kk), 'Pendaftaran');
    history.validFrom = family.consentGivenAt!;
    em.persist([family, history]);
    const add = (name: string, sex: Sex, birth: string, relation: FamilyRelation, extra: Partial<FamilyMember> = {}) => {
      const m = new FamilyMember(family, { name, birthDate: birth, sex });
      m.relation = relation;
      if (!birth.startsWith('2025') && !birth.startsWith('2026')) {
        const p = cipher.protect('NIK', nikOf(area, birth, sex));
        Object.assign(m, { nikEnc: p.enc, nikHash: p.hash, nikMasked: p.masked });
      }
      Object.assign(m, extra);
      em.persist(m);
    };
    add(head, Sex.MALE, born(1966, 1992), FamilyRelation.HEAD);
    if (i % 9 !== 4) add(`${pick(WOMEN)} ${clan}`, Sex.FEMALE, born(1976, 1998), FamilyRelation.SPOUSE, { disability: i % 37 === 0 });
    const children = 1 + Math.floor(rand() * 4);
    for (let c = 0; c < children; c++) {
      const girl = rand() < 0.55;
      const birth = born(2005, 2025);
      const age = 2026 - Number(birth.slice(0, 4));
      add(`${pick(girl ? GIRLS : BOYS)} ${clan}`, girl ? Sex.FEMALE : Sex.MALE, birth, FamilyRelation.CHILD, { inSchool: age >= 6 && age <= 18, disability: i % 41 === c });
    }
    if (i % 6 === 0) add(`Oma ${pick(WOMEN)} ${clan}`, Sex.FEMALE, born(1950, 1965), FamilyRelation.OTHER);
  }
  await em.flush();
  logger.info('Ina Kasih demo families seeded');
}
