import { Arg, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { PersonalData } from '../../graphql/personal-data';
import { Allow, Permission } from '../../graphql/permissions';
import { isUuid } from '../../platform/refusal';
import { FamilyImportJob, ImportStatus } from './import-job.entity';
import { importJobsVisibleTo } from './import-scope.util';

/** Seconds without progress after which a running import is shown as stopped (the server restarted). */
const STALL_SECONDS = 120;

@ObjectType({ description: 'One line of an import report.' })
export class ImportReportLine {
  @Field(() => Int, { description: 'Row number as the spreadsheet shows it (the header is row 1).' }) row: number;
  @Field(() => String, { nullable: true, description: 'Column name from the template, e.g. nik.' }) column?: string;
  @Field(() => String) code: string;
  @Field(() => String, { description: "In the caller's language." }) message: string;
  @Field(() => Boolean, { description: 'A warning did not stop the row.' }) warning: boolean;
}

@Resolver(() => FamilyImportJob)
export class FamilyImportResolver {
  @Allow(Permission.FamilyManage)
  @Query(() => FamilyImportJob, { nullable: true, description: 'An import of families with its progress and report (upload: POST /api/ina-kasih/imports); empty when the caller may not see it.' })
  familyImportJob(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<FamilyImportJob | null> {
    return isUuid(id) ? ctx.em.findOne(FamilyImportJob, { $and: [{ id }, importJobsVisibleTo(ctx.user!)] }, { populate: ['report'] }) : Promise.resolve(null);
  }

  @Allow(Permission.FamilyManage)
  @Query(() => [FamilyImportJob], { description: 'The 20 most recent imports the caller may see (a kelurahan officer: hers and those wholly in her kelurahan).' })
  familyImportJobs(@Ctx() ctx: RequestContext): Promise<FamilyImportJob[]> {
    return ctx.em.find(FamilyImportJob, importJobsVisibleTo(ctx.user!), { orderBy: { createdAt: 'desc' }, limit: 20 });
  }

  @PersonalData()
  @FieldResolver(() => [ImportReportLine], { description: 'Problems and warnings by row (at most `first`, default 200).' })
  async report(@Root() job: FamilyImportJob, @Ctx() ctx: RequestContext, @Arg('first', () => Int, { nullable: true }) first?: number): Promise<ImportReportLine[]> {
    const lines = job.report ?? (await ctx.em.findOneOrFail(FamilyImportJob, job.id, { populate: ['report'] })).report;
    return lines.slice(0, Math.min(Math.max(first ?? 200, 0), 5000)).map((p) => ({ row: p.row, column: p.column, code: p.code, message: ctx.locale === 'en' ? p.en : p.id, warning: !!p.warning }));
  }

  @FieldResolver(() => Int, { description: 'Lines in the report (download all as CSV from /api/ina-kasih/imports/<id>/report.csv).' })
  async reportLines(@Root() job: FamilyImportJob, @Ctx() ctx: RequestContext): Promise<number> {
    return (job.report ?? (await ctx.em.findOneOrFail(FamilyImportJob, job.id, { populate: ['report'] })).report).length;
  }

  @FieldResolver(() => Boolean, { description: 'Still marked running but without progress for two minutes: the server stopped; nothing was saved.' })
  stalled(@Root() job: FamilyImportJob): boolean {
    return job.status === ImportStatus.RUNNING && Date.now() - job.heartbeatAt.getTime() > STALL_SECONDS * 1000;
  }
}
