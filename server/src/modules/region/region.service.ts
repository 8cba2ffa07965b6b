import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../graphql/context';
import { dropRegionSnapshot, regionSnapshot, type RegionRow } from './region.cache';
import { RegionLevel } from './region-level.enum';

export interface RegionFile {
  city: { code: string; name: string; province: string; provinceCode?: string };
  kecamatan: { code: string; name: string; kelurahan: { code: string; name: string; postalCode?: string; aliases?: string[] }[] }[];
}

/** The administrative areas the platform works in, loaded from a Kemendagri code file. */
export class RegionService {
  async list(ctx: RequestContext, level?: RegionLevel, parentCode?: string): Promise<RegionRow[]> {
    const { all } = await regionSnapshot(ctx.em);
    return all.filter((r) => (!level || r.level === level) && (!parentCode || r.parentCode === parentCode));
  }

  async findByCode(ctx: RequestContext, code: string): Promise<RegionRow | null> {
    return (await regionSnapshot(ctx.em)).byCode.get(code) ?? null;
  }

  async parentOf(ctx: RequestContext, code: string): Promise<RegionRow | null> {
    const { byCode } = await regionSnapshot(ctx.em);
    const parentCode = byCode.get(code)?.parentCode;
    return (parentCode && byCode.get(parentCode)) || null;
  }

  async childrenOf(ctx: RequestContext, code: string): Promise<RegionRow[]> {
    return (await regionSnapshot(ctx.em)).children.get(code) ?? [];
  }

  /**
   * Inserts or updates the province, city, kecamatan and kelurahan of a region file. Codes are
   * kept exactly as published (gaps are real). Safe to run on every start.
   */
  async load(em: EntityManager, file: RegionFile): Promise<number> {
    const provinceCode = file.city.provinceCode ?? file.city.code.split('.')[0];
    const rows: { code: string; name: string; level: RegionLevel; parentCode: string | null; postalCode: string | null; aliases: string[] }[] = [
      { code: provinceCode, name: file.city.province, level: RegionLevel.PROVINCE, parentCode: null, postalCode: null, aliases: [] },
      { code: file.city.code, name: file.city.name, level: RegionLevel.CITY, parentCode: provinceCode, postalCode: null, aliases: [] },
    ];
    for (const kec of file.kecamatan) {
      rows.push({ code: kec.code, name: kec.name, level: RegionLevel.KECAMATAN, parentCode: file.city.code, postalCode: null, aliases: [] });
      for (const kel of kec.kelurahan) {
        rows.push({ code: kel.code, name: kel.name, level: RegionLevel.KELURAHAN, parentCode: kec.code, postalCode: kel.postalCode ?? null, aliases: kel.aliases ?? [] });
      }
    }
    // One statement, parents first in the VALUES list so the self-reference is satisfied.
    const values = rows.map(() => '(?, ?, ?::region_level, ?, ?, ?::text[])').join(', ');
    const params = rows.flatMap((r) => [r.code, r.name, r.level, r.parentCode, r.postalCode, `{${r.aliases.map((a) => `"${a.replace(/"/g, '')}"`).join(',')}}`]);
    await em.getConnection().execute(
      `insert into region (code, name, level, parent_code, postal_code, aliases) values ${values}
       on conflict (code) do update set name = excluded.name, level = excluded.level, parent_code = excluded.parent_code,
         postal_code = excluded.postal_code, aliases = excluded.aliases`,
      params,
    );
    dropRegionSnapshot();
    return rows.length;
  }
}
