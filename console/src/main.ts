import { createApp } from 'vue';
import ElementPlus from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import 'element-plus/dist/index.css';
import App from './App.vue';
import { login } from './auth';
import { router } from './router';

login()
  .then(() => createApp(App).use(ElementPlus, { locale: zhCn }).use(router).mount('#app'))
  .catch(() => {
    document.getElementById('app')!.innerHTML =
      '<p style="padding:2em;font-family:sans-serif">统一身份认证服务暂不可用，无法登录守望工作台，请稍后刷新重试。</p>';
  });
