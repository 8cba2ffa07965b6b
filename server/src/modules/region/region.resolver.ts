import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Allow, Permission } from '../../graphql/permissions';
import type { RegionRow } from './region.cache';
import { Region } from './region.entity';
import { RegionLevel } from './region-level.enum';
import { RegionService } from './region.service';

@Resolver(() => Region)
export class RegionResolver {
  private readonly regionService = new RegionService();

  @Allow(Permission.RegionRead)
  @Query(() => [Region], { description: 'Administrative areas, optionally of one level or under one parent (a bounded reference list).' })
  regions(
    @Ctx() ctx: RequestContext,
    @Arg('level', () => RegionLevel, { nullable: true }) level?: RegionLevel,
    @Arg('parentCode', () => String, { nullable: true }) parentCode?: string,
  ): Promise<RegionRow[]> {
    return this.regionService.list(ctx, level, parentCode);
  }

  @Allow(Permission.RegionRead)
  @Query(() => Region, { nullable: true, description: 'One area by its Kemendagri code.' })
  region(@Ctx() ctx: RequestContext, @Arg('code', () => String) code: string): Promise<RegionRow | null> {
    return this.regionService.findByCode(ctx, code);
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The area this one belongs to.' })
  parent(@Ctx() ctx: RequestContext, @Root() region: Pick<Region, 'code'>): Promise<RegionRow | null> {
    return this.regionService.parentOf(ctx, region.code);
  }

  @FieldResolver(() => [Region], { description: 'Areas directly under this one.' })
  children(@Ctx() ctx: RequestContext, @Root() region: Pick<Region, 'code'>): Promise<RegionRow[]> {
    return this.regionService.childrenOf(ctx, region.code);
  }
}
