import type { RequestEvent } from '@sveltejs/kit';
import { gql } from '$lib/server/graphql';
import { graphql } from '$lib/server/gql';
import type { CityWideFragment, RoundHeadFragment, SheetQuery } from '$lib/server/gql/graphql';

/** Server helpers of the round pages: the round, its coverage, and a kelurahan's whole delivery sheet. */
export type RoundHead = RoundHeadFragment;
type SheetRow = SheetQuery['roundPlan']['nodes'][number];

const SHEET = graphql(`
  query Sheet($round: ID!, $kelurahan: String!, $after: String, $head: Boolean!) {
    distributionRound(id: $round) @include(if: $head) { ...RoundHead }
    roundPlan(roundId: $round, kelurahanCode: $kelurahan, first: 100, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { eligibleWomen eligibleGirls plannedPacks family { id registryNumber headName address }
              delivery { id packs place deliveredAt proxyName receivedBy { name } } }
    }
    regions: roundCoverage(roundId: $round) @include(if: $head) { kelurahanCode kelurahanName kecamatanName }
  }
`);

/** At most this many families on one sheet (a kelurahan has a few hundred to about 2,000). */
const SHEET_LIMIT = 5000;

/** The whole planned list of one kelurahan in a round, page by page (100 a page, constant statements each). */
export async function loadSheet(event: RequestEvent, roundId: string, kelurahanCode: string) {
  const rows: SheetRow[] = [];
  let after: string | undefined;
  let round: RoundHead | null = null;
  let kelurahan: NonNullable<SheetQuery['regions']>[number] | undefined;
  do {
    const page = await gql(event, SHEET, { round: roundId, kelurahan: kelurahanCode, after, head: !after });
    if (!after) {
      round = page.distributionRound ?? null;
      kelurahan = page.regions?.find((r) => r.kelurahanCode === kelurahanCode);
    }
    rows.push(...page.roundPlan.nodes);
    after = page.roundPlan.pageInfo.hasNextPage ? (page.roundPlan.pageInfo.endCursor ?? undefined) : undefined;
  } while (after && rows.length < SHEET_LIMIT);
  return { round, kelurahan, rows };
}

/** The caller's role and work area, as the round pages ask for them (fragment CityWide in round.graphql). */
export type CityWide = CityWideFragment;

/** A round covers the whole city: only ADMIN and program staff without a kelurahan limit open or close one (the API refuses the others). */
export const isCityWide = (me: CityWide | null): boolean => !!me && (me.role === 'ADMIN' || me.kelurahanScope.length === 0);
