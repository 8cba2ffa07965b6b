import type { RequestEvent } from '@sveltejs/kit';
import { gql } from '$lib/server/graphql';

/** Server helpers of the round pages: the round, its coverage, and a kelurahan's whole delivery sheet. */
export interface RoundHead {
  id: string;
  month: string;
  status: 'OPEN' | 'CLOSED';
  packsPerWoman: number;
  padsPerPack: number;
  closedAt: string | null;
  program: { id: string; name: string };
  totals: { families: number; eligibleWomen: number; plannedPacks: number; deliveredFamilies: number; deliveredPacks: number };
}
export interface Coverage {
  kelurahanCode: string;
  kelurahanName: string;
  kecamatanCode: string | null;
  kecamatanName: string | null;
  families: number;
  eligibleWomen: number;
  eligibleGirls: number;
  plannedPacks: number;
  deliveredFamilies: number;
  womenReached: number;
  deliveredPacks: number;
}
export interface SheetRow {
  eligibleWomen: number;
  eligibleGirls: number;
  plannedPacks: number;
  family: { id: string; registryNumber: string; headName: string; address: string };
  delivery: { id: string; packs: number; place: string; deliveredAt: string; proxyName: string | null; receivedBy: { name: string } | null } | null;
}

export const ROUND_HEAD = /* GraphQL */ `
  fragment RoundHead on DistributionRound {
    id month status packsPerWoman padsPerPack closedAt program { id name }
    totals { families eligibleWomen plannedPacks deliveredFamilies deliveredPacks }
  }
`;

const SHEET = /* GraphQL */ `
  query Sheet($round: ID!, $kelurahan: String!, $after: String, $head: Boolean!) {
    distributionRound(id: $round) @include(if: $head) { ...RoundHead }
    roundPlan(roundId: $round, kelurahanCode: $kelurahan, first: 100, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { eligibleWomen eligibleGirls plannedPacks family { id registryNumber headName address }
              delivery { id packs place deliveredAt proxyName receivedBy { name } } }
    }
    regions: roundCoverage(roundId: $round) @include(if: $head) { kelurahanCode kelurahanName kecamatanName }
  }
  ${ROUND_HEAD}
`;

/** At most this many families on one sheet (a kelurahan has a few hundred to about 2,000). */
const SHEET_LIMIT = 5000;

/** The whole planned list of one kelurahan in a round, page by page (100 a page, constant statements each). */
export async function loadSheet(event: RequestEvent, roundId: string, kelurahanCode: string) {
  const rows: SheetRow[] = [];
  let after: string | undefined;
  let round: RoundHead | null = null;
  let kelurahan: { kelurahanCode: string; kelurahanName: string; kecamatanName: string | null } | undefined;
  do {
    const page = await gql<{
      distributionRound?: RoundHead | null;
      roundPlan: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: SheetRow[] };
      regions?: { kelurahanCode: string; kelurahanName: string; kecamatanName: string | null }[];
    }>(event, SHEET, { round: roundId, kelurahan: kelurahanCode, after, head: !after });
    if (!after) {
      round = page.distributionRound ?? null;
      kelurahan = page.regions?.find((r) => r.kelurahanCode === kelurahanCode);
    }
    rows.push(...page.roundPlan.nodes);
    after = page.roundPlan.pageInfo.hasNextPage ? (page.roundPlan.pageInfo.endCursor ?? undefined) : undefined;
  } while (after && rows.length < SHEET_LIMIT);
  return { round, kelurahan, rows };
}

/** The caller's role and work area, as the round pages ask for them. */
export interface CityWide {
  role: string;
  kelurahanScope: { code: string }[];
}

/** A round covers the whole city: only ADMIN and program staff without a kelurahan limit open or close one (the API refuses the others). */
export const isCityWide = (me: CityWide | null): boolean => !!me && (me.role === 'ADMIN' || me.kelurahanScope.length === 0);
