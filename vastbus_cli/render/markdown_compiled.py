# Generated from templates/sammanstallning.md.j2 by `python -m vastbus_cli.render.markdown_build`: do not edit.
STAMP = "Jinja2 3.1.6, sha256 ec5b8b78c42a314c406a058b98cb4d5a22540571a3ded666da61c313a6d1541b"
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'sammanstallning.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_s = resolve('s')
    l_0_common = resolve('common')
    l_0_digest = resolve('digest')
    l_0_parts = resolve('parts')
    l_0_whole = missing
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['markdown']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'markdown' found.")
    try:
        t_4 = environment.filters['num']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'num' found.")
    pass
    yield '# '
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'title')))
    yield '\n\n'
    for (l_1_label, l_1_value) in context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'title_facts'), (undefined(name='s') if l_0_s is missing else l_0_s)):
        _loop_vars = {}
        pass
        yield '- '
        yield str(environment.finalize(l_1_label))
        yield ': '
        yield str(environment.finalize(l_1_value))
        yield '\n'
    l_1_label = l_1_value = missing
    l_0_whole = context.call(environment.getattr((undefined(name='digest') if l_0_digest is missing else l_0_digest), 'whole'), (undefined(name='s') if l_0_s is missing else l_0_s))
    context.vars['whole'] = l_0_whole
    context.exported_vars.add('whole')
    for l_1_key in context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'opening'), (undefined(name='s') if l_0_s is missing else l_0_s)):
        l_1_T = resolve('T')
        _loop_vars = {}
        pass
        yield '\n## '
        yield str(environment.finalize(environment.getitem((undefined(name='T') if l_1_T is missing else l_1_T), l_1_key)))
        yield '\n\n'
        if (l_1_key == 'intro'):
            pass
            yield str(environment.finalize(t_3(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'intro'), 2)))
            yield '\n'
        elif (l_1_key == 'digest'):
            pass
            for (l_2_lead, l_2_text) in context.call(environment.getattr((undefined(name='digest') if l_0_digest is missing else l_0_digest), 'digest_lines'), (undefined(name='s') if l_0_s is missing else l_0_s), _loop_vars=_loop_vars):
                _loop_vars = {}
                pass
                yield '- **'
                yield str(environment.finalize(l_2_lead))
                yield ':** '
                yield str(environment.finalize(l_2_text))
                yield '\n'
            l_2_lead = l_2_text = missing
        elif (l_1_key == 'to_region'):
            pass
            yield str(environment.finalize(context.call(environment.getattr((undefined(name='digest') if l_0_digest is missing else l_0_digest), 'region_lead'), (undefined(name='s') if l_0_s is missing else l_0_s), _loop_vars=_loop_vars)))
            yield '\n'
            for l_2_i in environment.getattr((undefined(name='whole') if l_0_whole is missing else l_0_whole), 'to_region'):
                _loop_vars = {}
                pass
                yield '\n### '
                yield str(environment.finalize(environment.getattr(environment.getattr(l_2_i, 'category'), 'label')))
                yield '\n\n'
                yield str(environment.finalize(context.call(environment.getattr((undefined(name='digest') if l_0_digest is missing else l_0_digest), 'region_text'), l_2_i, _loop_vars=_loop_vars)))
                yield '\n'
                if environment.getattr(l_2_i, 'entries'):
                    pass
                    yield '\n'
                    for l_3_e in environment.getattr(l_2_i, 'entries'):
                        _loop_vars = {}
                        pass
                        yield '- **'
                        yield str(environment.finalize(environment.getattr(l_3_e, 'group')))
                        yield ' ('
                        yield str(environment.finalize(t_4(environment.getattr(l_3_e, 'count'))))
                        yield '):** ”'
                        yield str(environment.finalize(context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'sentence'), environment.getattr(l_3_e, 'description'), _loop_vars=_loop_vars)))
                        yield '” Åtgärd: '
                        yield str(environment.finalize(context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'sentence'), environment.getattr(l_3_e, 'action'), _loop_vars=_loop_vars)))
                        yield '\n'
                    l_3_e = missing
            l_2_i = missing
        elif (l_1_key == 'conclusions'):
            pass
            yield str(environment.finalize(t_3(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'conclusions'), 2)))
            yield '\n'
    l_1_key = l_1_T = missing
    l_1_loop = missing
    for (l_1_part, l_1_totals), l_1_loop in LoopContext((undefined(name='parts') if l_0_parts is missing else l_0_parts), undefined):
        l_1_base = l_1_heading = l_1_d = missing
        _loop_vars = {}
        pass
        l_1_base = (2 if ((t_2(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'parts')) > 1) or l_1_totals) else 1)
        _loop_vars['base'] = l_1_base
        l_1_heading = context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'part_heading'), (undefined(name='s') if l_0_s is missing else l_0_s), l_1_part, l_1_totals, _loop_vars=_loop_vars)
        _loop_vars['heading'] = l_1_heading
        if (undefined(name='heading') if l_1_heading is missing else l_1_heading):
            pass
            yield '\n## '
            yield str(environment.finalize((undefined(name='heading') if l_1_heading is missing else l_1_heading)))
            yield '\n'
        l_1_d = environment.getattr(l_1_part, 'deviations')
        _loop_vars['d'] = l_1_d
        l_2_loop = missing
        for l_2_key, l_2_loop in LoopContext(context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'sections'), l_1_part, l_1_totals, _loop_vars=_loop_vars), undefined):
            l_2_h = resolve('h')
            l_2_T = resolve('T')
            l_2_table = resolve('table')
            l_2_tables = resolve('tables')
            l_2_side = resolve('side')
            l_2_subregions = resolve('subregions')
            l_2_condensed = resolve('condensed')
            l_2_several = resolve('several')
            l_2_c = resolve('c')
            _loop_vars = {}
            pass
            yield '\n'
            yield str(environment.finalize(context.call((undefined(name='h') if l_2_h is missing else l_2_h), ((undefined(name='base') if l_1_base is missing else l_1_base) + 1), _loop_vars=_loop_vars)))
            yield ' '
            yield str(environment.finalize(environment.getitem((undefined(name='T') if l_2_T is missing else l_2_T), l_2_key)))
            yield '\n\n'
            if (l_2_key == 'overview'):
                pass
                yield str(environment.finalize(context.call((undefined(name='table') if l_2_table is missing else l_2_table), context.call(environment.getattr((undefined(name='tables') if l_2_tables is missing else l_2_tables), 'Table'), ['Uppgift', 'Värde'], context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'overview_lines'), (undefined(name='s') if l_0_s is missing else l_0_s), l_1_part, l_1_totals, _loop_vars=_loop_vars), left=True, _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
                yield '\n'
            elif (l_2_key == 'subregions'):
                pass
                l_2_side = environment.getattr(l_1_part, 'subregions')
                _loop_vars['side'] = l_2_side
                yield str(environment.finalize(context.call((undefined(name='table') if l_2_table is missing else l_2_table), context.call(environment.getattr((undefined(name='subregions') if l_2_subregions is missing else l_2_subregions), 'figures_table'), (undefined(name='side') if l_2_side is missing else l_2_side), _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
                yield '\n'
                if environment.getattr((undefined(name='side') if l_2_side is missing else l_2_side), 'categories'):
                    pass
                    yield '\n'
                    yield str(environment.finalize(context.call((undefined(name='h') if l_2_h is missing else l_2_h), ((undefined(name='base') if l_1_base is missing else l_1_base) + 2), _loop_vars=_loop_vars)))
                    yield ' Avvikelser per kategori och delregion\n\n'
                    yield str(environment.finalize(context.call((undefined(name='table') if l_2_table is missing else l_2_table), context.call(environment.getattr((undefined(name='subregions') if l_2_subregions is missing else l_2_subregions), 'categories_table'), (undefined(name='side') if l_2_side is missing else l_2_side), _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
                    yield '\n'
                yield '\n'
                yield str(environment.finalize(context.call(environment.getattr((undefined(name='subregions') if l_2_subregions is missing else l_2_subregions), 'flagged_sentence'), (undefined(name='side') if l_2_side is missing else l_2_side), _loop_vars=_loop_vars)))
                yield '\n'
                for l_3_line in context.call(environment.getattr((undefined(name='subregions') if l_2_subregions is missing else l_2_subregions), 'flagged_items'), (undefined(name='side') if l_2_side is missing else l_2_side), _loop_vars=_loop_vars):
                    _loop_vars = {}
                    pass
                    yield '- '
                    yield str(environment.finalize(l_3_line))
                    yield '\n'
                l_3_line = missing
            elif (l_2_key == 'follow_up'):
                pass
                yield str(environment.finalize(t_1(context.eval_ctx, context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'follow_up_sentences'), l_1_part, environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'year'), _loop_vars=_loop_vars), ' ')))
                yield '\n'
                if environment.getattr(l_1_part, 'follow_up'):
                    pass
                    yield '\n'
                    yield str(environment.finalize(context.call((undefined(name='table') if l_2_table is missing else l_2_table), context.call(environment.getattr((undefined(name='tables') if l_2_tables is missing else l_2_tables), 'follow_up_table'), l_1_part, environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'year'), _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
                    yield '\n\n'
                    for l_3_f in environment.getattr(l_1_part, 'follow_up'):
                        _loop_vars = {}
                        pass
                        yield '- **'
                        yield str(environment.finalize(environment.getattr(l_3_f, 'group')))
                        yield ' – '
                        yield str(environment.finalize(environment.getattr(environment.getattr(l_3_f, 'category'), 'label')))
                        yield '.** '
                        yield str(environment.finalize(context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'follow_up_detail'), l_3_f, environment.getattr(environment.getattr(l_1_part, 'comparison'), 'previous_year'), environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'year'), _loop_vars=_loop_vars)))
                        yield '\n'
                    l_3_f = missing
            elif (l_2_key == 'support_wanted'):
                pass
                for l_3_block in context.call(environment.getattr((undefined(name='condensed') if l_2_condensed is missing else l_2_condensed), 'by_count'), environment.getattr(l_1_part, 'support_by_theme'), _loop_vars=_loop_vars):
                    l_3_lead = l_3_rest = missing
                    _loop_vars = {}
                    pass
                    (l_3_lead, l_3_rest) = context.call(environment.getattr((undefined(name='condensed') if l_2_condensed is missing else l_2_condensed), 'quoted_item'), l_3_block, t_2(environment.getattr(l_1_part, 'groups')), _loop_vars=_loop_vars)
                    _loop_vars.update({'lead': l_3_lead, 'rest': l_3_rest})
                    yield '- **'
                    yield str(environment.finalize((undefined(name='lead') if l_3_lead is missing else l_3_lead)))
                    yield '** '
                    yield str(environment.finalize((undefined(name='rest') if l_3_rest is missing else l_3_rest)))
                    yield '\n'
                l_3_block = l_3_lead = l_3_rest = missing
            elif (l_2_key == 'themes'):
                pass
                yield 'Antal grupper av '
                yield str(environment.finalize(t_2(environment.getattr(l_1_part, 'groups'))))
                yield ' som tar upp varje tema, per avsnitt i årsberättelsen.\n\n'
                yield str(environment.finalize(context.call((undefined(name='table') if l_2_table is missing else l_2_table), context.call(environment.getattr((undefined(name='condensed') if l_2_condensed is missing else l_2_condensed), 'theme_table'), l_1_part, _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
                yield '\n'
            elif (l_2_key == 'meetings'):
                pass
                yield str(environment.finalize(context.call((undefined(name='table') if l_2_table is missing else l_2_table), context.call(environment.getattr((undefined(name='tables') if l_2_tables is missing else l_2_tables), 'meetings_table'), l_1_part, _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
                yield '\n'
            elif (l_2_key == 'composition'):
                pass
                yield str(environment.finalize(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'COMPOSITION_NOTE')))
                yield '\n\n'
                yield str(environment.finalize(context.call((undefined(name='table') if l_2_table is missing else l_2_table), context.call(environment.getattr((undefined(name='tables') if l_2_tables is missing else l_2_tables), 'composition_table'), l_1_part, _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
                yield '\n\n'
                for l_3_gap in environment.getattr(environment.getattr(l_1_part, 'composition'), 'gaps'):
                    _loop_vars = {}
                    pass
                    yield '- '
                    yield str(environment.finalize(context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'gap_sentence'), l_3_gap, _loop_vars=_loop_vars)))
                    yield '\n'
                l_3_gap = missing
            elif (l_2_key == 'work'):
                pass
                t_5 = 1
                for l_3_block in context.call(environment.getattr((undefined(name='condensed') if l_2_condensed is missing else l_2_condensed), 'by_count'), environment.getattr(l_1_part, 'work'), _loop_vars=_loop_vars):
                    l_3_lead = l_3_rest = missing
                    _loop_vars = {}
                    pass
                    (l_3_lead, l_3_rest) = context.call(environment.getattr((undefined(name='condensed') if l_2_condensed is missing else l_2_condensed), 'titled_item'), l_3_block, t_2(environment.getattr(l_1_part, 'groups')), _loop_vars=_loop_vars)
                    _loop_vars.update({'lead': l_3_lead, 'rest': l_3_rest})
                    yield '- **'
                    yield str(environment.finalize((undefined(name='lead') if l_3_lead is missing else l_3_lead)))
                    yield '** '
                    yield str(environment.finalize((undefined(name='rest') if l_3_rest is missing else l_3_rest)))
                    yield '\n'
                    t_5 = 0
                l_3_block = l_3_lead = l_3_rest = missing
                if t_5:
                    pass
                    yield str(environment.finalize(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'NOTHING')))
                    yield '\n'
            elif (l_2_key == 'deviations'):
                pass
                l_3_loop = missing
                for l_3_line, l_3_loop in LoopContext(context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'deviation_lines'), (undefined(name='d') if l_1_d is missing else l_1_d), _loop_vars=_loop_vars), undefined):
                    _loop_vars = {}
                    pass
                    yield str(environment.finalize(l_3_line))
                    yield '\n'
                    if (not environment.getattr(l_3_loop, 'last')):
                        pass
                        yield '\n'
                l_3_loop = l_3_line = missing
                yield '\n'
                if environment.getattr((undefined(name='d') if l_1_d is missing else l_1_d), 'categories'):
                    pass
                    yield str(environment.finalize(context.call((undefined(name='h') if l_2_h is missing else l_2_h), ((undefined(name='base') if l_1_base is missing else l_1_base) + 2), _loop_vars=_loop_vars)))
                    yield ' Per kategori och status\n\n'
                    yield str(environment.finalize(context.call((undefined(name='table') if l_2_table is missing else l_2_table), context.call(environment.getattr((undefined(name='tables') if l_2_tables is missing else l_2_tables), 'category_table'), (undefined(name='d') if l_1_d is missing else l_1_d), _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
                    yield '\n\n'
                    yield str(environment.finalize(context.call((undefined(name='h') if l_2_h is missing else l_2_h), ((undefined(name='base') if l_1_base is missing else l_1_base) + 2), _loop_vars=_loop_vars)))
                    yield ' Per grupp\n\n'
                    yield str(environment.finalize(context.call((undefined(name='table') if l_2_table is missing else l_2_table), context.call(environment.getattr((undefined(name='tables') if l_2_tables is missing else l_2_tables), 'group_deviation_table'), (undefined(name='d') if l_1_d is missing else l_1_d), _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
                    yield '\n\n'
                if environment.getattr((undefined(name='d') if l_1_d is missing else l_1_d), 'raised'):
                    pass
                    yield '\n'
                    yield str(environment.finalize(context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'raised_pointer'), (undefined(name='d') if l_1_d is missing else l_1_d), _loop_vars=_loop_vars)))
                    yield '\n'
            elif (l_2_key in ('development_areas', 'competence_needs')):
                pass
                t_6 = 1
                for l_3_block in context.call(environment.getattr((undefined(name='condensed') if l_2_condensed is missing else l_2_condensed), 'by_count'), environment.getitem(l_1_part, l_2_key), _loop_vars=_loop_vars):
                    l_3_lead = l_3_rest = missing
                    _loop_vars = {}
                    pass
                    (l_3_lead, l_3_rest) = context.call(environment.getattr((undefined(name='condensed') if l_2_condensed is missing else l_2_condensed), 'quoted_item'), l_3_block, t_2(environment.getattr(l_1_part, 'groups')), _loop_vars=_loop_vars)
                    _loop_vars.update({'lead': l_3_lead, 'rest': l_3_rest})
                    yield '- **'
                    yield str(environment.finalize((undefined(name='lead') if l_3_lead is missing else l_3_lead)))
                    yield '** '
                    yield str(environment.finalize((undefined(name='rest') if l_3_rest is missing else l_3_rest)))
                    yield '\n'
                    t_6 = 0
                l_3_block = l_3_lead = l_3_rest = missing
                if t_6:
                    pass
                    yield str(environment.finalize(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'NOTHING')))
                    yield '\n'
            elif (l_2_key == 'support'):
                pass
                if environment.getattr(l_1_part, 'good_examples'):
                    pass
                    yield str(environment.finalize(context.call((undefined(name='h') if l_2_h is missing else l_2_h), ((undefined(name='base') if l_1_base is missing else l_1_base) + 2), _loop_vars=_loop_vars)))
                    yield ' '
                    yield str(environment.finalize(environment.getattr((undefined(name='T') if l_2_T is missing else l_2_T), 'good_examples')))
                    yield '\n\n'
                    for l_3_e in environment.getattr(l_1_part, 'good_examples'):
                        _loop_vars = {}
                        pass
                        yield '- **'
                        yield str(environment.finalize(environment.getattr(l_3_e, 'group')))
                        yield ':** '
                        yield str(environment.finalize((environment.getattr(l_3_e, 'title') or environment.getattr(l_3_e, 'text'))))
                        yield '\n'
                    l_3_e = missing
                    yield '\n'
                if environment.getattr(l_1_part, 'plans'):
                    pass
                    yield str(environment.finalize(context.call((undefined(name='h') if l_2_h is missing else l_2_h), ((undefined(name='base') if l_1_base is missing else l_1_base) + 2), _loop_vars=_loop_vars)))
                    yield ' '
                    yield str(environment.finalize(environment.getattr((undefined(name='T') if l_2_T is missing else l_2_T), 'plans')))
                    yield '\n\n'
                    for (l_3_group, l_3_text) in context.call(environment.getattr((undefined(name='condensed') if l_2_condensed is missing else l_2_condensed), 'plans_by_group'), l_1_part, _loop_vars=_loop_vars):
                        _loop_vars = {}
                        pass
                        yield '- **'
                        yield str(environment.finalize(l_3_group))
                        yield ':** '
                        yield str(environment.finalize(l_3_text))
                        yield '\n'
                    l_3_group = l_3_text = missing
            elif (l_2_key == 'key_figures'):
                pass
                l_2_several = context.call(environment.getattr((undefined(name='tables') if l_2_tables is missing else l_2_tables), 'key_figure_table'), l_1_part, _loop_vars=_loop_vars)
                _loop_vars['several'] = l_2_several
                if environment.getattr((undefined(name='several') if l_2_several is missing else l_2_several), 'rows'):
                    pass
                    yield 'Summa, lägsta och högsta värde bland de grupper som redovisat nyckeltalet.\n\n'
                    yield str(environment.finalize(context.call((undefined(name='table') if l_2_table is missing else l_2_table), (undefined(name='several') if l_2_several is missing else l_2_several), _loop_vars=_loop_vars)))
                    yield '\n'
                if context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'single_key_figures'), l_1_part, _loop_vars=_loop_vars):
                    pass
                    yield '\n'
                    yield str(environment.finalize(context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'single_key_figures'), l_1_part, _loop_vars=_loop_vars)))
                    yield '\n'
            elif (l_2_key == 'comparison'):
                pass
                l_2_c = environment.getattr(l_1_part, 'comparison')
                _loop_vars['c'] = l_2_c
                yield str(environment.finalize(context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'comparison_intro'), (undefined(name='c') if l_2_c is missing else l_2_c), _loop_vars=_loop_vars)))
                yield '\n\n'
                if environment.getattr((undefined(name='c') if l_2_c is missing else l_2_c), 'both'):
                    pass
                    yield str(environment.finalize(context.call((undefined(name='table') if l_2_table is missing else l_2_table), context.call(environment.getattr((undefined(name='tables') if l_2_tables is missing else l_2_tables), 'change_table'), environment.getattr((undefined(name='c') if l_2_c is missing else l_2_c), 'figures'), 'Uppgift', environment.getattr((undefined(name='c') if l_2_c is missing else l_2_c), 'previous_year'), environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'year'), _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
                    yield '\n'
                    if environment.getattr((undefined(name='c') if l_2_c is missing else l_2_c), 'deviations'):
                        pass
                        yield '\n'
                        yield str(environment.finalize(context.call((undefined(name='table') if l_2_table is missing else l_2_table), context.call(environment.getattr((undefined(name='tables') if l_2_tables is missing else l_2_tables), 'change_table'), environment.getattr((undefined(name='c') if l_2_c is missing else l_2_c), 'deviations'), 'Avvikelsekategori', environment.getattr((undefined(name='c') if l_2_c is missing else l_2_c), 'previous_year'), environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'year'), _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
                        yield '\n'
                    if environment.getattr((undefined(name='c') if l_2_c is missing else l_2_c), 'key_figures'):
                        pass
                        yield '\n'
                        yield str(environment.finalize(context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'key_figure_comparison_note'), (undefined(name='c') if l_2_c is missing else l_2_c), _loop_vars=_loop_vars)))
                        yield '\n\n'
                        yield str(environment.finalize(context.call((undefined(name='table') if l_2_table is missing else l_2_table), context.call(environment.getattr((undefined(name='tables') if l_2_tables is missing else l_2_tables), 'key_figure_change_table'), (undefined(name='c') if l_2_c is missing else l_2_c), _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
                        yield '\n'
                if environment.getattr((undefined(name='c') if l_2_c is missing else l_2_c), 'one_year_only'):
                    pass
                    yield '\n'
                    yield str(environment.finalize(context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'one_year_only_note'), (undefined(name='c') if l_2_c is missing else l_2_c), _loop_vars=_loop_vars)))
                    yield '\n\n'
                    yield str(environment.finalize(context.call((undefined(name='table') if l_2_table is missing else l_2_table), context.call(environment.getattr((undefined(name='tables') if l_2_tables is missing else l_2_tables), 'one_year_only_table'), (undefined(name='c') if l_2_c is missing else l_2_c), _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
                    yield '\n'
                yield '\n'
                for (l_3_lead, l_3_text) in context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'comparison_lines'), (undefined(name='c') if l_2_c is missing else l_2_c), _loop_vars=_loop_vars):
                    _loop_vars = {}
                    pass
                    yield '- '
                    yield str(environment.finalize(l_3_lead))
                    yield ': '
                    yield str(environment.finalize(l_3_text))
                    yield '.\n'
                l_3_lead = l_3_text = missing
            elif (l_2_key == 'appendix'):
                pass
                for l_3_r in environment.getattr(l_1_part, 'appendix'):
                    _loop_vars = {}
                    pass
                    yield str(environment.finalize(context.call((undefined(name='h') if l_2_h is missing else l_2_h), ((undefined(name='base') if l_1_base is missing else l_1_base) + 2), _loop_vars=_loop_vars)))
                    yield ' '
                    yield str(environment.finalize(environment.getattr(l_3_r, 'group')))
                    yield '\n\n'
                    for l_4_sec in environment.getattr(l_3_r, 'sections'):
                        _loop_vars = {}
                        pass
                        yield '**'
                        yield str(environment.finalize(environment.getattr(l_4_sec, 'title')))
                        yield '**\n\n'
                        for l_5_item in environment.getattr(l_4_sec, 'items'):
                            _loop_vars = {}
                            pass
                            yield '- '
                            yield str(environment.finalize(l_5_item))
                            yield '\n'
                        l_5_item = missing
                        yield '\n'
                    l_4_sec = missing
                l_3_r = missing
        l_2_loop = l_2_key = l_2_h = l_2_T = l_2_table = l_2_tables = l_2_side = l_2_subregions = l_2_condensed = l_2_several = l_2_c = missing
    l_1_loop = l_1_part = l_1_totals = l_1_base = l_1_heading = l_1_d = missing

blocks = {}
debug_info = '13=41&15=43&16=47&18=52&19=55&21=60&23=62&24=64&25=66&26=68&27=72&29=77&30=79&31=81&33=85&35=87&36=89&38=92&39=96&43=106&44=108&47=112&48=116&49=118&50=120&52=123&54=125&55=128&57=141&59=145&60=147&61=149&62=151&63=153&64=155&66=158&68=160&71=163&72=165&73=169&75=172&76=174&77=176&79=179&81=181&82=185&85=192&86=194&87=198&88=201&90=206&91=209&93=211&94=213&95=215&96=217&97=219&99=221&101=223&102=227&104=230&105=233&106=237&107=240&109=248&111=250&112=253&113=256&114=258&119=263&120=265&122=267&124=269&126=271&129=273&131=276&133=278&134=281&135=285&136=288&138=296&140=298&141=300&142=302&144=306&145=310&149=316&150=318&152=322&153=326&156=331&157=333&158=335&161=338&163=340&165=343&167=345&168=347&169=349&171=351&172=353&173=355&175=358&177=360&179=363&181=365&184=367&186=370&188=372&191=375&192=379&194=384&195=386&196=389&198=393&199=397&201=399&202=403'
