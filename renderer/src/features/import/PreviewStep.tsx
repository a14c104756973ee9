import type { ColDef, ValueGetterParams } from 'ag-grid-community';
import type { CustomHeaderProps } from 'ag-grid-react';
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DATE_FORMATS,
  DELIMITERS,
  IMPORT_FIELDS,
  IMPORT_KINDS,
  type FieldSpec,
  type ImportKind,
  type ImportPreview,
} from '../../../../shared/domain/import';
import { useApp } from '../../app/AppContext';
import { Grid } from '../../components/grid/Grid';
import { useFormat } from '../../i18n/format';
import { FileIcon } from './icons';
import { PreviousImportBanner } from './PreviousImportBanner';
import { profileName } from './issue-reason';
import { effectiveMapping, missingFields, wizardActions, type Mapping, type Overrides, type WizardState } from './wizard';

const ENCODINGS = ['utf-8', 'windows-1251', 'gb18030', 'utf-16le', 'windows-1252', 'iso-8859-2'];
const DELIMITER_NAMES: Record<(typeof DELIMITERS)[number], string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
const DECIMALS = ['.', ','] as const;
const THOUSANDS = ['', ',', '.', ' ', "'"] as const;
const SEPARATOR_NAMES: Record<string, string> = { '': 'none', '.': 'point', ',': 'comma', ' ': 'space', "'": 'apostrophe' };
/** The same day in each date format, shown before its name (isolated, so it reads the same right to left). */
const DATE_EXAMPLES: Record<(typeof DATE_FORMATS)[number], string> = { ymd: '2024-03-31', dmy: '31.03.2024', mdy: '03/31/2024', excel: '45382', jalali: '1403/01/12' };
/** Below this the detected encoding is worth a look. */
const UNSURE_ENCODING = 0.5;

type Row = string[];
/** After a required field's name in the mapping lists; the mapping hint explains it in words. */
const REQUIRED_MARK = ' *';

interface MappingContextValue {
  kind: ImportKind;
  mapping: Mapping;
  /** The file has no header line: columns are named by position. */
  headerless: boolean;
  onMap(column: number, field: string | null): void;
}

const MappingContext = createContext<MappingContextValue | null>(null);

function fieldsOf(kind: ImportKind): [string, FieldSpec][] {
  return Object.entries(IMPORT_FIELDS[kind] as Record<string, FieldSpec>);
}

/** A column header of the preview: the file's header and, below it, the field it fills. */
function MappingHeader(props: CustomHeaderProps<Row> & { columnIndex: number; header: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const context = useContext(MappingContext);
  if (!context) return null;
  const { columnIndex, header } = props;
  const field = Object.entries(context.mapping).find(([, column]) => column === columnIndex)?.[0] ?? null;
  const fields = fieldsOf(context.kind);
  const spec = field ? (IMPORT_FIELDS[context.kind] as Record<string, FieldSpec>)[field] : undefined;
  const name = context.headerless || header === '' ? t('import.preview.columnN', { n: format.integer(columnIndex + 1) }) : header;
  return (
    <div className={`map-header${field ? ' map-header--mapped' : ''}`}>
      <div className="map-header__top">
        <span className="map-header__name" title={name}>
          {name}
        </span>
        {spec ? <span className={`type-chip type-chip--${spec.type}`}>{t(`import.types.${spec.type}`)}</span> : null}
      </div>
      <select
        className="map-header__select"
        value={field ?? ''}
        aria-label={t('import.preview.mapColumn', { column: name })}
        data-testid={`map-${columnIndex}`}
        data-field={field ?? ''}
        onChange={(event) => context.onMap(columnIndex, event.target.value || null)}
      >
        <option value="">{t('import.preview.notImported')}</option>
        {fields.map(([name, fieldSpec]) => (
          <option key={name} value={name}>
            {`${t(`import.fields.${name}`)}${fieldSpec.required ? REQUIRED_MARK : ''}`}
          </option>
        ))}
      </select>
    </div>
  );
}

function Fact({ label, hint, warn = false, children }: { label: string; hint?: string | null; warn?: boolean; children: ReactNode }) {
  return (
    <label className="fact">
      <span className="fact__label">{label}</span>
      {children}
      {hint ? <span className={`fact__hint${warn ? ' fact__hint--warn' : ' muted'}`}>{hint}</span> : null}
    </label>
  );
}

/**
 * A text or number field that is taken on Enter, on leaving it, on picking a suggestion, or (with
 * `commitOnPause`) after a short pause in typing; Escape puts the shown value back.
 */
function CommitInput({
  value,
  onCommit,
  commitOnPause = false,
  ...rest
}: { value: string; onCommit(value: string): void; commitOnPause?: boolean } & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  const [draft, setDraft] = useState<{ base: string; text: string } | null>(null);
  const timer = useRef<number | null>(null);
  const text = draft && draft.base === value ? draft.text : value;
  const stopTimer = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => stopTimer, []);
  const commit = (next: string) => {
    stopTimer();
    setDraft(null);
    if (next.trim() !== '' && next.trim() !== value) onCommit(next.trim());
  };
  return (
    <input
      {...rest}
      value={text}
      onChange={(event) => {
        const next = event.target.value;
        setDraft({ base: value, text: next });
        stopTimer();
        // A suggestion picked from the list arrives whole.
        if ((event.nativeEvent as InputEvent).inputType === 'insertReplacementText' || !(event.nativeEvent instanceof InputEvent)) commit(next);
        else if (commitOnPause) timer.current = window.setTimeout(() => commit(next), 700);
      }}
      onBlur={() => (draft ? commit(draft.text) : undefined)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && draft) commit(draft.text);
        if (event.key === 'Escape') {
          stopTimer();
          setDraft(null);
        }
      }}
    />
  );
}

function Facts({ preview, overrides }: { preview: ImportPreview; overrides: Overrides }) {
  const { t } = useTranslation();
  const app = useApp();
  const format = useFormat();
  // What the person just chose shows at once, while the file is read again with it.
  const detected = {
    ...preview.detected,
    kind: overrides.kind ?? preview.detected.kind,
    encoding: overrides.encoding ?? preview.detected.encoding,
    delimiter: overrides.delimiter ?? preview.detected.delimiter,
    headerLine: overrides.headerLine ?? preview.detected.headerLine,
    numberFormat: overrides.numberFormat ?? preview.detected.numberFormat,
    dateFormat: overrides.dateFormat ?? preview.detected.dateFormat,
  };
  const text = detected.format === 'text';
  const delimiter = DELIMITERS.find((candidate) => candidate === detected.delimiter);
  return (
    <section className="card facts" aria-labelledby="facts-title" data-testid="facts">
      <h2 id="facts-title">{t('import.preview.detectedTitle')}</h2>
      <div className="facts__grid">
        <Fact label={t('import.preview.profile')}>
          <select
            value={overrides.profile === 'none' ? 'none' : 'auto'}
            onChange={(event) => void wizardActions.override(app, { profile: event.target.value === 'none' ? 'none' : undefined })}
            data-testid="option-profile"
            data-profile={preview.detected.profile?.name ?? 'none'}
          >
            <option value="auto">{preview.detected.profile && overrides.profile !== 'none' ? profileName(t, preview.detected.profile) : t('import.preview.profileAuto')}</option>
            <option value="none">{t('import.preview.profileNone')}</option>
          </select>
        </Fact>
        {preview.detected.profile && preview.detected.kind === 'transactions' ? (
          <Fact label={t('import.preview.taxShipping')}>
            <select value={overrides.taxShipping ?? 'exclude'} onChange={(event) => void wizardActions.override(app, { taxShipping: event.target.value === 'include' ? 'include' : 'exclude' })} data-testid="option-tax-shipping">
              <option value="exclude">{t('import.preview.taxShippingExclude')}</option>
              <option value="include">{t('import.preview.taxShippingInclude')}</option>
            </select>
          </Fact>
        ) : null}
        <Fact label={t('import.preview.kind')}>
          <select value={detected.kind} onChange={(event) => void wizardActions.override(app, { kind: event.target.value as ImportKind })} data-testid="option-kind">
            {IMPORT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`import.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </Fact>
        <Fact label={t('import.preview.encoding')} warn={text && detected.encodingConfidence < UNSURE_ENCODING} hint={text ? t('import.preview.confidence', { percent: format.percent(detected.encodingConfidence) }) : t('import.preview.notForSpreadsheets')}>
          <CommitInput
            value={detected.encoding ?? ''}
            list="import-encodings"
            disabled={!text}
            spellCheck={false}
            dir="ltr"
            maxLength={40}
            onCommit={(encoding) => (encoding ? void wizardActions.override(app, { encoding }) : undefined)}
            data-testid="option-encoding"
          />
          <datalist id="import-encodings">
            {ENCODINGS.map((encoding) => (
              <option key={encoding} value={encoding} />
            ))}
          </datalist>
        </Fact>
        <Fact label={t('import.preview.delimiter')}>
          <select
            value={delimiter ?? ''}
            disabled={!text}
            onChange={(event) => void wizardActions.override(app, { delimiter: event.target.value as (typeof DELIMITERS)[number] })}
            data-testid="option-delimiter"
          >
            {delimiter === undefined ? <option value="">{text ? (detected.delimiter ?? '') : t('import.preview.notForSpreadsheets')}</option> : null}
            {DELIMITERS.map((candidate) => (
              <option key={candidate} value={candidate}>
                {t(`import.preview.delimiters.${DELIMITER_NAMES[candidate]}`)}
              </option>
            ))}
          </select>
        </Fact>
        <Fact label={t('import.preview.headerLine')} hint={t('import.preview.headerLineHint')}>
          <CommitInput
            type="number"
            min={0}
            max={1000}
            value={String(detected.headerLine)}
            commitOnPause
            onCommit={(value) => {
              const line = Number(value);
              if (Number.isInteger(line) && line >= 0 && line <= 1000) void wizardActions.override(app, { headerLine: line });
            }}
            data-testid="option-header-line"
          />
        </Fact>
        <Fact label={t('import.preview.decimal')}>
          <select
            value={detected.numberFormat.decimal}
            onChange={(event) => void wizardActions.override(app, { numberFormat: { ...detected.numberFormat, decimal: event.target.value as (typeof DECIMALS)[number] } })}
            data-testid="option-decimal"
          >
            {DECIMALS.map((separator) => (
              <option key={separator} value={separator}>
                {t(`import.preview.separators.${SEPARATOR_NAMES[separator]}`)}
              </option>
            ))}
          </select>
        </Fact>
        <Fact label={t('import.preview.thousands')}>
          <select
            value={detected.numberFormat.thousands}
            onChange={(event) => void wizardActions.override(app, { numberFormat: { ...detected.numberFormat, thousands: event.target.value as (typeof THOUSANDS)[number] } })}
            data-testid="option-thousands"
          >
            {THOUSANDS.map((separator) => (
              <option key={separator} value={separator}>
                {t(`import.preview.separators.${SEPARATOR_NAMES[separator]}`)}
              </option>
            ))}
          </select>
        </Fact>
        <Fact label={t('import.preview.dateFormat')} warn={detected.dateAmbiguous && !overrides.dateFormat} hint={detected.dateAmbiguous && !overrides.dateFormat ? t('import.preview.dateAmbiguous') : null}>
          <select
            value={detected.dateFormat ?? ''}
            onChange={(event) => (event.target.value ? void wizardActions.override(app, { dateFormat: event.target.value as (typeof DATE_FORMATS)[number] }) : undefined)}
            data-testid="option-date-format"
          >
            {detected.dateFormat === null ? <option value="">{t('import.preview.dateUnknown')}</option> : null}
            {DATE_FORMATS.map((dateFormat) => (
              <option key={dateFormat} value={dateFormat}>
                {`\u2066${DATE_EXAMPLES[dateFormat]}\u2069 · ${t(`import.preview.dateFormats.${dateFormat}`)}`}
              </option>
            ))}
          </select>
        </Fact>
        <Fact label={t('import.preview.currency')}>
          <output className="fact__value" data-testid="detected-currency">
            {detected.currency ?? t('import.preview.noCurrency')}
          </output>
        </Fact>
      </div>
    </section>
  );
}

/** Step 2: what was detected, each fact changeable, and the first rows with the column mapping. */
export function PreviewStep({ wizard }: { wizard: WizardState }) {
  const { t, i18n } = useTranslation();
  const app = useApp();
  const format = useFormat();
  const rtl = i18n.dir(i18n.language) === 'rtl';
  const preview = wizard.preview;
  const mapping = effectiveMapping(wizard);
  const kind = preview?.detected.kind ?? 'transactions';
  const busy = wizard.busy !== null;

  const context = useMemo<MappingContextValue>(
    () => ({ kind, mapping, headerless: preview?.detected.headerLine === 0, onMap: (column, field) => void wizardActions.map(app, column, field) }),
    [kind, mapping, preview?.detected.headerLine, app],
  );

  const columns = preview?.columns;
  const columnDefs = useMemo<ColDef<Row>[]>(() => {
    const fieldOfColumn = new Map(Object.entries(mapping).flatMap(([field, column]) => (column === null ? [] : [[column, field] as const])));
    const specs = IMPORT_FIELDS[kind] as Record<string, FieldSpec>;
    return [
      {
        colId: 'row',
        headerName: t('import.preview.row'),
        valueGetter: (params: ValueGetterParams<Row>) => format.integer((params.node?.rowIndex ?? 0) + 1),
        width: 72,
        minWidth: 56,
        flex: 0,
        pinned: rtl ? 'right' : 'left',
        cellClass: 'cell--row-number',
        suppressMovable: true,
      },
      ...(columns ?? []).map<ColDef<Row>>((column) => {
        const field = fieldOfColumn.get(column.index);
        const type = field ? specs[field]?.type : undefined;
        const numeric = type === 'money' || type === 'number' || type === 'rate';
        return {
          colId: `c${column.index}`,
          headerName: column.header,
          valueGetter: (params: ValueGetterParams<Row>) => params.data?.[column.index] ?? '',
          headerComponent: MappingHeader,
          headerComponentParams: { columnIndex: column.index, header: column.header },
          suppressHeaderKeyboardEvent: () => true,
          cellClass: field ? (numeric ? 'cell--numeric' : undefined) : 'cell--unmapped',
          headerClass: field ? 'header--mapped' : 'header--unmapped',
          tooltipValueGetter: (params) => (typeof params.value === 'string' && params.value.length > 24 ? params.value : undefined),
        };
      }),
    ];
  }, [columns, mapping, kind, t, format, rtl]);

  if (!preview) return null;
  const missing = missingFields(kind, mapping);
  const detected = preview.detected;

  return (
    <div className="preview-step">
      <div className="file-strip" data-testid="file-strip">
        <span className="file-strip__icon">
          <FileIcon />
        </span>
        <div className="file-strip__main">
          <strong className="file-strip__name" title={preview.file.path} data-testid="file-name">
            {preview.file.name}
          </strong>
          <span className="muted">
            {t(`import.preview.formats.${detected.format}`)} · {format.bytes(preview.file.sizeBytes)} ·{' '}
            <span title={preview.file.hash} className="file-strip__hash">
              {t('import.preview.hash', { hash: preview.file.hash.slice(0, 12) })}
            </span>
          </span>
        </div>
        {detected.rememberedMapping ? (
          <span className="badge badge--remembered" data-testid="remembered-mapping">
            {t('import.preview.remembered')}
          </span>
        ) : null}
      </div>

      {preview.previousImport ? <PreviousImportBanner previous={preview.previousImport} replace={wizard.replacePrevious} /> : null}

      <Facts preview={preview} overrides={wizard.overrides} />

      <section className="card mapping" aria-labelledby="mapping-title">
        <div className="mapping__head">
          <div>
            <h2 id="mapping-title">{t('import.preview.mappingTitle')}</h2>
            <p className="muted">{t('import.preview.mappingHint')}</p>
          </div>
          <span className="muted mapping__count">{t('import.preview.rowsShown', { rows: format.integer(preview.rows.length) })}</span>
        </div>
        {missing.length > 0 ? (
          <div className="banner banner--warn" data-testid="missing-fields">
            {t('import.preview.missing', {
              fields: missing.map((field) => (kind === 'transactions' && field === 'amount' ? t('import.preview.amountAlternative') : t(`import.fields.${field}`))).join(t('import.preview.listSeparator')),
            })}
          </div>
        ) : null}
        <div className={`preview-grid${busy ? ' preview-grid--busy' : ''}`} data-testid="preview-grid">
          <MappingContext.Provider value={context}>
            <Grid<Row>
              key={kind}
              rowData={preview.rows}
              columnDefs={columnDefs}
              defaultColDef={{ resizable: true, sortable: false, suppressMovable: true, minWidth: 150, flex: 1 }}
              headerHeight={68}
              suppressCellFocus
              tooltipShowDelay={400}
            />
          </MappingContext.Provider>
          {wizard.busy === 'preview' ? (
            <div className="preview-grid__reading" role="status">
              {t('import.preview.reading')}
            </div>
          ) : null}
        </div>
      </section>
    </div>
  );
}
