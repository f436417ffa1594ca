'use client';

import { useFormContext, useWatch } from 'react-hook-form';
import { MAX_MEASUREMENT_MAPPINGS, type CustomerFormValues } from '@/lib/validations/customer';
import { MappingTester } from './mapping-tester';
import { PairRowsField } from './pair-rows-field';

/** Measurement mappings: rows of label + value regex, with a box to try a sample value. */
export function MeasurementMappingsField() {
  const { control } = useFormContext<CustomerFormValues>();
  const mappings = useWatch({ control, name: 'measurementMappings' });
  return (
    <PairRowsField
      name="measurementMappings"
      legend="Measurement mappings"
      hint="Usage whose measurement carries this label, with a value the regular expression matches in full, is billed to this customer."
      emptyText="No measurement mappings."
      addLabel="Add mapping"
      rowLabel="mapping"
      max={MAX_MEASUREMENT_MAPPINGS}
      columns={[
        { key: 'label', label: 'Label', placeholder: 'Label, e.g. region', required: true, code: true },
        {
          key: 'valueRegex',
          label: 'Value regex',
          placeholder: 'Value regex, e.g. us-(east|west)-\\d',
          required: true,
          code: true,
        },
      ]}
    >
      {mappings && mappings.length > 0 && <MappingTester mappings={mappings} />}
    </PairRowsField>
  );
}
