import { Checkbox, Group, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { DiagnosisView } from '../../../../shared/contract/intake';
import { formatClinicDate } from '../../../dates';
import { metastaticSites, type MetastaticSite } from '../../../../shared/domain/vocabulary';
import { api } from '../../../api';
import { blankify, nullify, SectionScreen } from '../shared';
import { ListEditor } from './ListEditor';
import { ClinicDateInput } from '../../../components/ClinicDateInput';

const blank = {
  primarySite: '',
  histology: '',
  diagnosedOn: '',
  stage: '',
  metastaticSites: [] as MetastaticSite[],
  otherMetastaticSites: '',
  notes: '',
};

export function CancerSection() {
  return (
    <SectionScreen title="Cancer and metastases">
      {(record, setRecord) => (
        <ListEditor<DiagnosisView, typeof blank>
          noun="diagnosis"
          plural="diagnoses"
          items={record.diagnoses}
          blank={blank}
          toValues={(d) => ({ ...blankify(d), metastaticSites: d.metastaticSites })}
          describe={(d) => (
            <Stack gap={2}>
              <Text fw={600}>
                {d.primarySite}
                {d.histology ? ` — ${d.histology}` : ''}
                {d.stage ? `, stage ${d.stage}` : ''}
              </Text>
              <Text size="sm">Diagnosed {formatClinicDate(d.diagnosedOn)}</Text>
              <Text size="sm">
                Metastases:{' '}
                {d.metastaticSites.length === 0
                  ? 'none recorded'
                  : d.metastaticSites
                      .map((s) =>
                        s === 'other' && d.otherMetastaticSites ? d.otherMetastaticSites : metastaticSites.labels[s],
                      )
                      .join(', ')}
              </Text>
            </Stack>
          )}
          fields={(form) => (
            <>
              <SimpleGrid cols={{ base: 2, md: 4 }}>
                <TextInput label="Primary cancer site" withAsterisk {...form.getInputProps('primarySite')} />
                <TextInput label="Histology" {...form.getInputProps('histology')} />
                <ClinicDateInput label="Date of diagnosis" {...form.getInputProps('diagnosedOn')} />
                <TextInput label="Stage" {...form.getInputProps('stage')} />
              </SimpleGrid>
              <Checkbox.Group label="Metastatic sites" {...form.getInputProps('metastaticSites')}>
                <Group mt="xs">
                  {metastaticSites.values.map((s) => (
                    <Checkbox key={s} value={s} label={metastaticSites.labels[s]} />
                  ))}
                </Group>
              </Checkbox.Group>
              <TextInput label="Other metastatic sites" {...form.getInputProps('otherMetastaticSites')} />
              <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
            </>
          )}
          save={(values, id) =>
            api.intake.saveDiagnosis({
              ...nullify(values),
              metastaticSites: values.metastaticSites,
              patientId: record.patient.id,
              id,
            })
          }
          onSaved={setRecord}
        />
      )}
    </SectionScreen>
  );
}
