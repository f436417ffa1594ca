'use client';

import { useFormContext, useWatch } from 'react-hook-form';
import type { CustomerFormValues } from '@/lib/validations/customer';
import { MappingTester } from './mapping-tester';
import { PairRowsField } from './pair-rows-field';

/** Measurement mappings: rows of label + value regex, with a box to try a sample value. */
export function MeasurementMappingsField() {
  const { control } = useFormContext<CustomerFormValues>();
  const mappings = useWatch({ control, name: 'measurementMappings' });
  return (
    <PairRowsField name="measurementMappings">
      {mappings && mappings.length > 0 && <MappingTester mappings={mappings} />}
    </PairRowsField>
  );
}
