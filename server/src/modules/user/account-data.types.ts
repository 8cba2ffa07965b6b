import { MaxLength } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../graphql/payload';
import { PersonalData, type PersonalDataOptions } from '../../graphql/personal-data';

/** Only its holder gets it: the trail names her account (the export's own entry). */
const HERS: PersonalDataOptions<{ userId: string }> = { subject: (x) => ['User', x.userId], owner: (x) => x.userId };

@ObjectType({ description: 'Everything kept about the signed-in account holder (her data, UU 27/2022), as JSON and as CSV (bagian,nomor,kolom,nilai).' })
export class MyDataExport {
  /** The account exported (not in the schema). */
  userId: string;
  @Field(() => String, { description: 'Suggested file name without extension, e.g. data-saya-2026-12-07.' }) fileName: string;
  @Field(() => String, {
    description: 'Her account, sessions and activity; for a vendor also her business, bookings, consents, turnover, trainings and mentoring, as a JSON document.',
  })
  @PersonalData(HERS)
  json: string;
  @Field(() => String, { description: 'The same data as CSV, one value a line.' }) @PersonalData(HERS) csv: string;
}

@ObjectType()
export class MyDataExportPayload extends MutationPayload {
  @Field(() => MyDataExport, { nullable: true }) export?: MyDataExport;
}

@InputType({ description: 'A vendor asks for her data to be erased; her password confirms it is her.' })
export class EraseMyDataInput {
  @Field(() => String, { description: 'Her password, as she signs in.' })
  @MaxLength(200)
  password: string;

  @Field(() => Boolean, { description: 'She read what is erased and what is kept, and wants it done (must be true).' })
  confirm: boolean;
}

@ObjectType()
export class EraseMyDataPayload extends MutationPayload {
  @Field(() => Boolean, { description: 'True when her data was erased; she is signed out and can no longer sign in.' })
  erased: boolean = false;
}
