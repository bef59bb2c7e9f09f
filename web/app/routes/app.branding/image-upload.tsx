import { Form, useNavigation } from 'react-router';

import type { BrandingImageView } from '@contracts/branding';
import { ASSET_CONTENT_TYPES, MAX_ASSET_BYTES } from '@contracts/branding-rules';
import { Alert } from '~/components/ui/alert';
import { Button } from '~/components/ui/button';
import { Card, CardBody } from '~/components/ui/card';
import type { FormFailure } from '~/lib/forms.server';

/** The file picker offers the types the API takes (and `.ico`, which some systems type differently). */
const ACCEPT = {
  logo: ASSET_CONTENT_TYPES.logo.join(','),
  favicon: [...ASSET_CONTENT_TYPES.favicon, '.ico'].join(','),
};

/** Uploads a logo or favicon file (checked by the API: type, size, content). */
export function ImageUpload({
  asset,
  current,
  outcome,
}: {
  asset: 'logo' | 'favicon';
  current: BrandingImageView | null;
  outcome?: FormFailure | { ok: true; message: string };
}) {
  const navigation = useNavigation();
  const intent = `upload-${asset}`;
  const uploading = navigation.state !== 'idle' && navigation.formAction?.includes(`intent=${intent}`) === true;
  const title = asset === 'logo' ? 'Logo' : 'Favicon';
  return (
    <Card>
      <CardBody>
        <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
        <div className="mt-3 flex h-16 items-center justify-center rounded-md bg-slate-50">
          {current ? (
            <img src={current.url} alt={`Current ${asset}`} className="max-h-12 max-w-full object-contain" />
          ) : (
            <span className="text-xs text-slate-500">VoicePlane’s default</span>
          )}
        </div>
        <Form method="post" action={`?intent=${intent}`} encType="multipart/form-data" className="mt-3 space-y-3">
          {outcome ? (
            <Alert tone={outcome.ok ? 'success' : 'error'}>{outcome.ok ? outcome.message : outcome.formError}</Alert>
          ) : null}
          <label className="block text-sm text-slate-700">
            <span className="sr-only">{title} file</span>
            <input type="file" name="file" accept={ACCEPT[asset]} required className="block w-full text-sm" />
          </label>
          <p className="text-xs text-slate-500">
            {asset === 'logo' ? 'PNG, JPEG, WebP or SVG' : 'PNG, SVG, WebP or ICO'}, at most{' '}
            {MAX_ASSET_BYTES[asset] / 1024} KiB. SVGs with scripts or external references are refused.
          </p>
          <Button type="submit" variant="secondary" size="sm" disabled={uploading}>
            {uploading ? 'Uploading…' : `Upload ${asset}`}
          </Button>
        </Form>
      </CardBody>
    </Card>
  );
}
