import { commonEn } from './common.en';
import { accountEn } from './features/account.en';
import { fundingEn } from './features/funding.en';
import { inaKasihEn } from './features/ina-kasih.en';
import { marketEn } from './features/market.en';
import { offlineEn } from './features/offline.en';
import { trainingEn } from './features/training.en';
import { turnoverEn } from './features/turnover.en';
import type { MessageKey } from './id';

/** English, second language; the type makes a missing or extra key a build error. */
export const en: Record<MessageKey, string> = {
  ...commonEn,
  ...marketEn,
  ...turnoverEn,
  ...trainingEn,
  ...inaKasihEn,
  ...fundingEn,
  ...offlineEn,
  ...accountEn,
};
