import {
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from 'react-router';

import { MAX_ASSET_BYTES, type BrandingAsset } from '@contracts/branding-rules';
import { PageHeader } from '~/components/ui/page-header';
import { createApi } from '~/lib/api.server';
import { requirePermission } from '~/lib/auth.server';
import { formFailure, text, type FormFailure } from '~/lib/forms.server';
import { freshSessionAction } from '~/lib/fresh-session';

import { BrandingForm, BRANDING_FIELDS } from './branding-form';
import { ImageUpload } from './image-upload';

export { ErrorBoundary } from '~/components/route-error';
export const meta: MetaFunction = () => [{ title: 'Branding · VoicePlane' }];

export type BrandingActionData = FormFailure | { ok: true; intent: string; message: string };

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'app', 'branding:manage', 'change your organisation’s branding');
  return { branding: await createApi(request).branding.get() };
}

/** An image URL field: a URL sets it, "remove" clears it, empty keeps the image as it is. */
const imageUrl = (form: FormData, asset: BrandingAsset): string | null | undefined =>
  form.get(`${asset}Remove`) === 'on' ? null : text(form, `${asset}Url`) || undefined;

async function upload(request: Request, asset: BrandingAsset, intent: string) {
  // Multipart adds a little to the file; anything far beyond the limit is refused before it is read.
  if (Number(request.headers.get('content-length') ?? 0) > MAX_ASSET_BYTES[asset] + 64 * 1024) {
    return formFailure({ title: 'Too large', status: 413, detail: `The ${asset} is over the size limit.` }, [], intent);
  }
  const file = (await request.formData()).get('file');
  if (!(file instanceof File) || file.size === 0) {
    return formFailure({ title: 'No file', status: 400, detail: 'Choose an image file first.' }, [], intent);
  }
  const result = await createApi(request).branding.upload(asset, file);
  if (!result.ok) return formFailure(result.problem, [], intent);
  return { ok: true as const, intent, message: `The ${asset} was uploaded.` };
}

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, 'app', 'branding:manage', 'change your organisation’s branding');
  const intent = new URL(request.url).searchParams.get('intent') ?? '';
  if (intent === 'upload-logo') return upload(request, 'logo', intent);
  if (intent === 'upload-favicon') return upload(request, 'favicon', intent);
  const form = await request.formData();
  const result = await createApi(request).branding.save({
    dashboardTitle: text(form, 'dashboardTitle') || null,
    primaryColor: text(form, 'primaryColor') || null,
    logoUrl: imageUrl(form, 'logo'),
    faviconUrl: imageUrl(form, 'favicon'),
  });
  if (!result.ok) return formFailure(result.problem, BRANDING_FIELDS, 'save');
  return { ok: true as const, intent: 'save', message: 'Branding saved.' };
}

export const clientAction = freshSessionAction;

export default function Branding() {
  const { branding } = useLoaderData<typeof loader>();
  const outcome = useActionData<BrandingActionData>();
  return (
    <>
      <PageHeader
        title="Branding"
        description="Your organisation’s look in this portal and on its sign-in page: title, colour, logo and favicon."
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <BrandingForm branding={branding} outcome={outcome?.intent === 'save' ? outcome : undefined} />
        <div className="space-y-6">
          {(['logo', 'favicon'] as const).map((asset) => (
            <ImageUpload
              key={asset}
              asset={asset}
              current={branding[asset]}
              outcome={outcome?.intent === `upload-${asset}` ? outcome : undefined}
            />
          ))}
        </div>
      </div>
    </>
  );
}
