import { Button } from '../../components/ui/button.tsx';
import { navigate, promptsHref, useLocation } from './prompts-url.ts';
import { TemplateDetail } from './template-detail.tsx';
import { TemplateList } from './template-list.tsx';
import { VersionForm } from './version-form.tsx';
import './prompts.css';

/** /prompts: the registry's templates; ?name= one template's versions (deep-linkable). */
export function PromptsPage() {
  const location = useLocation();
  const name = location.searchParams.get('name');
  const showForm = location.searchParams.get('new') === '1';
  const compare = (location.searchParams.get('compare') ?? '')
    .split(',')
    .map(Number)
    .filter((v) => Number.isInteger(v) && v > 0);
  if (name) return <TemplateDetail key={name} name={name} compare={compare} showForm={showForm} />;
  return (
    <div className="prompts-page">
      {showForm ? (
        <VersionForm
          name={null}
          base={undefined}
          onDone={(created) => navigate(promptsHref({ name: created || undefined }))}
        />
      ) : (
        <div className="prompts-actions">
          <Button variant="primary" onClick={() => navigate(promptsHref({ new: '1' }))}>
            New template
          </Button>
        </div>
      )}
      <TemplateList />
    </div>
  );
}

export default PromptsPage;
