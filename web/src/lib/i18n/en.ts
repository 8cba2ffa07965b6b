import { FEATURES } from '$lib/features';
import { commonEn } from './common.en';
import type { MessageKey } from './id';

/**
 * English, second language, whole (server code). Each dictionary file is typed to have exactly
 * its Bahasa Indonesia keys, so a missing or extra key is a build error there.
 */
export const en: Record<MessageKey, string> = Object.assign({ ...commonEn }, ...(await Promise.all(FEATURES.map((f) => f.messages.en()))));
