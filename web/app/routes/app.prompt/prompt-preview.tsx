import { BOT_ROLES, type BotRole } from '@contracts/bot-role';
import type { PromptPreview } from '@contracts/prompt-config';
import { Alert } from '~/components/ui/alert';
import { Card, CardBody, CardHeader } from '~/components/ui/card';
import { SelectField } from '~/components/ui/field';
import { Spinner } from '~/components/ui/spinner';

const ROLE_LABELS: Record<BotRole, string> = { receptionist: 'Receptionist', sales: 'Sales' };

/** The greeting and system prompt a bot of the chosen role gets from the settings as they stand in the form. */
export function PromptPreviewCard({
  role,
  onRoleChange,
  preview,
  problem,
  loading,
}: {
  role: BotRole;
  onRoleChange: (role: BotRole) => void;
  preview: PromptPreview;
  problem: string | null;
  loading: boolean;
}) {
  return (
    <Card>
      <CardHeader
        title="Preview"
        description="What a bot of this role says first, and the instructions it works from."
        actions={loading ? <Spinner /> : null}
      />
      <CardBody className="space-y-4">
        <SelectField
          label="Bot role"
          name="previewRole"
          value={role}
          onChange={(event) => onRoleChange(event.currentTarget.value as BotRole)}
        >
          {BOT_ROLES.map((value) => (
            <option key={value} value={value}>
              {ROLE_LABELS[value]}
            </option>
          ))}
        </SelectField>
        {problem ? <Alert tone="error">{problem}</Alert> : null}
        <div>
          <h3 className="text-sm font-medium text-slate-900">Greeting</h3>
          <p className="mt-1 text-sm text-slate-700" data-testid="prompt-greeting">
            {preview.greeting}
          </p>
        </div>
        <div>
          <h3 className="text-sm font-medium text-slate-900">System prompt</h3>
          <pre
            className="mt-1 max-h-[32rem] overflow-auto whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-xs text-slate-700"
            data-testid="prompt-text"
          >
            {preview.prompt}
          </pre>
        </div>
      </CardBody>
    </Card>
  );
}
