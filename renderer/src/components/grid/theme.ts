import { AllCommunityModule, ModuleRegistry, colorSchemeDark, colorSchemeLight, themeQuartz } from 'ag-grid-community';

ModuleRegistry.registerModules([AllCommunityModule]);

const base = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontWeight: 600,
  spacing: 6,
  wrapperBorderRadius: 8,
  accentColor: '#0f766e',
});

const light = base.withPart(colorSchemeLight);
const darkTheme = base.withPart(colorSchemeDark);

/** The grid theme matching the app's light or dark theme (the same object each time, so that a re-render does not restyle the grid). */
export function gridTheme(dark: boolean) {
  return dark ? darkTheme : light;
}
