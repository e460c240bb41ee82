import { Button } from '../components/ui/button.tsx';
import { MoonIcon, SunIcon } from '../components/ui/icons.tsx';
import { Tooltip } from '../components/ui/tooltip.tsx';
import { useTheme } from './theme.ts';

export function ThemeToggle() {
  const { theme, toggle } = useTheme();
  const label = theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme';
  return (
    <Tooltip content={label}>
      <Button variant="ghost" size="icon" aria-label={label} onClick={toggle}>
        {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
      </Button>
    </Tooltip>
  );
}
