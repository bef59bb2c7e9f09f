import { useState } from 'react';

import type { BrandingView } from '@contracts/branding';
import { PRIMARY_COLOR_PATTERN } from '@contracts/branding-rules';
import { Card, CardBody } from '~/components/ui/card';
import { TextField } from '~/components/ui/field';
import { fieldErrorsOf, IntentForm, type FormOutcome } from '~/components/ui/intent-form';
import { brandStyle, DEFAULT_PRIMARY } from '~/lib/brand-theme';

export const BRANDING_FIELDS = ['dashboardTitle', 'primaryColor', 'logoUrl', 'faviconUrl'] as const;

/** Title, colour (picker and hex) and image URLs, with a live preview of the header and a primary button. */
export function BrandingForm({ branding, outcome }: { branding: BrandingView; outcome?: FormOutcome }) {
  const [title, setTitle] = useState(branding.dashboardTitle ?? '');
  const [color, setColor] = useState(branding.primaryColor ?? '');
  const errors = fieldErrorsOf(outcome);
  const previewColor = PRIMARY_COLOR_PATTERN.test(color) ? color : null;

  return (
    <Card>
      <CardBody>
        <IntentForm intent="save" outcome={outcome} submit="Save branding" className="space-y-5">
          <TextField
            name="dashboardTitle"
            label="Dashboard title"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            maxLength={60}
            placeholder="VoicePlane"
            hint="Shown in the portal’s header, the browser tab and the sign-in page. Empty: VoicePlane."
            error={errors.dashboardTitle}
          />
          <div className="flex items-end gap-3">
            <label className="block">
              <span className="block text-sm font-medium text-slate-900">Colour</span>
              <input
                type="color"
                aria-label="Pick the primary colour"
                value={previewColor ?? DEFAULT_PRIMARY}
                onChange={(event) => setColor(event.target.value)}
                className="mt-1.5 h-10 w-14 cursor-pointer rounded-md border border-slate-300 bg-white p-1"
              />
            </label>
            <TextField
              name="primaryColor"
              label="Primary colour (hex)"
              value={color}
              onChange={(event) => setColor(event.target.value)}
              placeholder={DEFAULT_PRIMARY}
              pattern="#[0-9a-fA-F]{6}"
              hint="#rrggbb; used by primary buttons and the active menu entry. Empty: VoicePlane’s indigo."
              error={errors.primaryColor}
              className="flex-1"
            />
          </div>
          {(['logo', 'favicon'] as const).map((asset) => (
            <ImageUrlField key={asset} asset={asset} branding={branding} error={errors[`${asset}Url`]} />
          ))}
          <Preview title={title.trim() || 'VoicePlane'} color={previewColor} logoUrl={branding.logo?.url ?? null} />
        </IntentForm>
      </CardBody>
    </Card>
  );
}

function ImageUrlField({
  asset,
  branding,
  error,
}: {
  asset: 'logo' | 'favicon';
  branding: BrandingView;
  error?: string;
}) {
  const current = branding[asset];
  const label = asset === 'logo' ? 'Logo URL' : 'Favicon URL';
  return (
    <div>
      <TextField
        name={`${asset}Url`}
        label={label}
        type="url"
        defaultValue={current?.source === 'url' ? current.url : ''}
        placeholder="https://…"
        hint={
          current?.source === 'upload'
            ? `An uploaded ${asset} is in use; a URL here replaces it.`
            : `An https address, or upload a file on the right. Empty keeps the current ${asset}.`
        }
        error={error}
      />
      {current ? (
        <label className="mt-2 flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name={`${asset}Remove`} className="rounded border-slate-300" />
          Remove the {asset}
        </label>
      ) : null}
    </div>
  );
}

/** How the portal's header and a primary button will look. */
function Preview({ title, color, logoUrl }: { title: string; color: string | null; logoUrl: string | null }) {
  return (
    <section
      aria-label="Preview"
      className="rounded-lg border border-dashed border-slate-300 p-4"
      style={brandStyle(color)}
    >
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Preview</p>
      <div className="mt-3 flex items-center gap-2.5">
        <img src={logoUrl ?? '/favicon.svg'} alt="" className="h-8 max-w-[6rem] object-contain" />
        <span className="text-base font-semibold text-slate-900" data-testid="preview-title">
          {title}
        </span>
      </div>
      <div className="mt-3 flex items-center gap-3">
        <span className="rounded-md bg-[var(--brand-primary-soft,#eef2ff)] px-3 py-2 text-sm font-medium text-[var(--brand-primary-strong,#4338ca)]">
          Active menu entry
        </span>
        <span className="rounded-md bg-[var(--brand-primary,#4f46e5)] px-3 py-2 text-sm font-semibold text-[var(--brand-on-primary,#fff)]">
          Primary button
        </span>
      </div>
    </section>
  );
}
