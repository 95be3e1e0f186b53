/* screen_staff — the staff area behind the PIN. For now only "Exit"; the
 * USB catalogue update arrives with its own screen work. */
#include "app_state.h"
#include "widgets.h"

enum { STAFF_EXIT };

static const char *staff_title(screen *s, app *a)
{
	(void)s;
	(void)a;
	return _("Staff area");
}

static void staff_layout(screen *s, app *a, gfx_rect body)
{
	const ui_metrics *m = &a->m;
	flow *f = &s->fixed;
	int x = body.x + m->pad, w = body.w - 2 * m->pad, y = body.y + m->pad;
	y += flow_para(f, GFX_REGULAR, m->px_body, UI_INK, x, y, w,
		       _("Updating the catalogue from a USB stick will come in a later version."), 0);
	y += m->pad;
	const char *exit_label = _("Exit");
	int bw = widgets_button_width(f, m, exit_label, m->px_h1, WIDGET_NO_ICON);
	if (bw < layout_px(m, 360))
		bw = layout_px(m, 360);
	widgets_button(f, m, (gfx_rect){x, y, bw, m->touch + m->gap}, exit_label, m->px_h1, WIDGET_PRIMARY,
		       WIDGET_NO_ICON, STAFF_EXIT, 0);
	y += m->touch + m->gap + m->pad;
	flow_para(f, GFX_REGULAR, m->px_small, UI_MUTED, x, y, w,
		  _("Exit closes the kiosk program; the system service starts it again."), 0);
}

static void staff_action(screen *s, app *a, int action, int arg)
{
	(void)s;
	(void)arg;
	if (action == STAFF_EXIT)
		app_quit(a, 0);
}

static const screen_ops staff_ops = {
	.id = SCREEN_STAFF,
	.name = "staff",
	.title = staff_title,
	.layout = staff_layout,
	.action = staff_action,
};

screen *screen_staff_new(app *a)
{
	(void)a;
	return screen_new(&staff_ops, NULL);
}
