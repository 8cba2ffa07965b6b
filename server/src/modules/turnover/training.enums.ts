import { registerEnumType } from 'type-graphql';

/** What a training teaches (materi pelatihan). */
export enum TrainingTopic {
  BOOKKEEPING = 'BOOKKEEPING',
  PACKAGING = 'PACKAGING',
  DIGITAL_SELLING = 'DIGITAL_SELLING',
  FOOD_SAFETY_PIRT = 'FOOD_SAFETY_PIRT',
  HALAL_CERTIFICATION = 'HALAL_CERTIFICATION',
  NIB_REGISTRATION = 'NIB_REGISTRATION',
  OTHER = 'OTHER',
}
registerEnumType(TrainingTopic, {
  name: 'TrainingTopic',
  description: 'Topic: bookkeeping (pembukuan), packaging (kemasan), digital selling, food safety and PIRT permit, halal certification, NIB registration, other.',
});

/** SCHEDULED trainings take enrolments until they start; CANCELLED ones never happen. */
export enum TrainingStatus {
  SCHEDULED = 'SCHEDULED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(TrainingStatus, { name: 'TrainingStatus', description: 'SCHEDULED (also once held) or CANCELLED by staff.' });

/** ENROLLED holds a seat; WAITLISTED waits in order for one; CANCELLED left (or was removed). */
export enum EnrolmentStatus {
  ENROLLED = 'ENROLLED',
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(EnrolmentStatus, { name: 'EnrolmentStatus', description: 'ENROLLED (has a seat), WAITLISTED (in order) or CANCELLED.' });
