import { registerEnumType } from 'type-graphql';

/** Where money comes from. */
export enum FundingSourceKind {
  CSR = 'CSR',
  APBD = 'APBD',
  DAK = 'DAK',
  OTHER = 'OTHER',
}
registerEnumType(FundingSourceKind, {
  name: 'FundingSourceKind',
  description: 'Kind of funding source.',
  valuesConfig: {
    CSR: { description: 'A CSR / TJSL partner (mitra CSR); needs a partner organisation.' },
    APBD: { description: 'The city budget (APBD Kota Kupang).' },
    DAK: { description: 'Central special allocation fund (Dana Alokasi Khusus).' },
    OTHER: { description: 'Any other source (grant, donation).' },
  },
});

/** The IATI transaction types the ledger keeps. */
export enum FundingTransactionType {
  COMMITMENT = 'COMMITMENT',
  DISBURSEMENT = 'DISBURSEMENT',
  EXPENDITURE = 'EXPENDITURE',
}
registerEnumType(FundingTransactionType, {
  name: 'FundingTransactionType',
  description: 'IATI transaction type.',
  valuesConfig: {
    COMMITMENT: { description: 'A firm promise to pay (komitmen).' },
    DISBURSEMENT: { description: 'Money paid in to the program (pencairan).' },
    EXPENDITURE: { description: 'Money the program spent on goods or services (belanja).' },
  },
});

/** The two programs the platform serves. */
export enum FundedProgram {
  INA_KASIH = 'INA_KASIH',
  SABOAK_KOEPAN = 'SABOAK_KOEPAN',
}
registerEnumType(FundedProgram, {
  name: 'FundedProgram',
  description: 'Program a transaction belongs to.',
  valuesConfig: {
    INA_KASIH: { description: 'Ina Kasih: free sanitary pads for women of poor families.' },
    SABOAK_KOEPAN: { description: 'SABOAK KOEPAN: the weekend UMKM market.' },
  },
});

/** What a transaction paid for. */
export enum FundingPurpose {
  PAD_STOCK = 'PAD_STOCK',
  DISTRIBUTION = 'DISTRIBUTION',
  TRAINING = 'TRAINING',
  MARKET_DAY = 'MARKET_DAY',
  MENTORING = 'MENTORING',
  OTHER = 'OTHER',
}
registerEnumType(FundingPurpose, {
  name: 'FundingPurpose',
  description: 'What the money paid for.',
  valuesConfig: {
    PAD_STOCK: { description: 'Sanitary pad stock (stok pembalut).' },
    DISTRIBUTION: { description: 'Delivering packs to families (penyaluran).' },
    TRAINING: { description: 'Vendor trainings (pelatihan).' },
    MARKET_DAY: { description: 'Running market days (hari pasar).' },
    MENTORING: { description: 'Mentoring visits (pendampingan).' },
    OTHER: { description: 'Anything else.' },
  },
});
