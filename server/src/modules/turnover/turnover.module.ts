import type { FeatureModule } from '../feature-module';
import { Enrolment } from './enrolment.entity';
import { MentoringFollowUp, MentoringVisit } from './mentoring.entity';
import { MentoringResolver } from './mentoring.resolver';
import { MyTurnoverResolver } from './my-turnover.resolver';
import { OutcomeResolver } from './outcome.resolver';
import { Migration20261129060000TurnoverReport } from './migrations/Migration20261129060000TurnoverReport';
import { Migration20261129070000Training } from './migrations/Migration20261129070000Training';
import { Migration20261129070100Mentoring } from './migrations/Migration20261129070100Mentoring';
import { Migration20261207020300TurnoverErasure } from './migrations/Migration20261207020300TurnoverErasure';
import { Migration20261208020100CertificateCode } from './migrations/Migration20261208020100CertificateCode';
import { Training } from './training.entity';
import { EnrolmentResolver, TrainingResolver } from './training.resolver';
import { TrainingImpactResolver } from './training-impact.resolver';
import { seedTrainingDemo } from './training.seed';
import { TurnoverReport } from './turnover-report.entity';
import { TurnoverReportResolver } from './turnover-report.resolver';
import { TurnoverTotalsResolver } from './turnover-totals.resolver';
import { seedTurnoverDemo } from './turnover.seed';
import { turnoverAccountData } from './vendor-data.part';

/** Turnover: entities, resolvers, migrations and demo data of this feature. */
export const turnoverModule: FeatureModule = {
  name: 'turnover',
  entities: [
    TurnoverReport,
    Training,
    Enrolment,
    MentoringVisit,
    MentoringFollowUp,
  ],
  resolvers: [
    TurnoverReportResolver,
    TurnoverTotalsResolver,
    MyTurnoverResolver,
    TrainingResolver,
    EnrolmentResolver,
    MentoringResolver,
    OutcomeResolver,
    TrainingImpactResolver,
  ],
  migrations: [
    { name: 'Migration20261129060000TurnoverReport', class: Migration20261129060000TurnoverReport },
    { name: 'Migration20261129070000Training', class: Migration20261129070000Training },
    { name: 'Migration20261129070100Mentoring', class: Migration20261129070100Mentoring },
    { name: 'Migration20261207020300TurnoverErasure', class: Migration20261207020300TurnoverErasure },
    { name: 'Migration20261208020100CertificateCode', class: Migration20261208020100CertificateCode },
  ],
  // Turnover first: the trainings' before/after outcome reads the figures.
  demoSeed: async (em, logger) => {
    await seedTurnoverDemo(em, logger);
    await seedTrainingDemo(em, logger);
  },
  accountData: turnoverAccountData,
};
